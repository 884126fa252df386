using System.Diagnostics;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>A token that a check cancels once, mid-run (at the first progress report or the first instance), remembering when and why.</summary>
internal sealed class CancellationTrigger : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly TaskCompletionSource _fired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private long _firedAt;

    /// <summary>Creates a trigger whose token is also cancelled with <paramref name="outer"/> (the check's timeout).</summary>
    public CancellationTrigger(CancellationToken outer) => _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);

    /// <summary>The token to give the capability.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>Whether <see cref="Fire"/> was called.</summary>
    public bool Fired => Volatile.Read(ref _state) == 1;

    /// <summary>Why it fired (e.g. "at the first progress report").</summary>
    public string Reason { get; private set; } = "";

    /// <summary>Completes when it fires.</summary>
    public Task FiredTask => _fired.Task;

    /// <summary>Time since it fired.</summary>
    public TimeSpan SinceFired => Fired ? Stopwatch.GetElapsedTime(_firedAt) : TimeSpan.Zero;

    /// <summary>Cancels the token (once); exceptions from the capability's own cancellation callbacks are ignored here.</summary>
    public void Fire(string reason)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0) return;
        Reason = reason;
        _firedAt = Stopwatch.GetTimestamp();
        try { _cts.Cancel(); }
        catch (AggregateException) { }
        _fired.TrySetResult();
    }

    /// <inheritdoc />
    public void Dispose() => _cts.Dispose();
}
