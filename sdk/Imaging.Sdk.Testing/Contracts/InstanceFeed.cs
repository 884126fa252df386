using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// The instances handed to a sink, as a real source would hand them: lazily, honouring the token given to
/// <see cref="GetAsyncEnumerator"/>, counting how often the sink enumerates and calling back as each instance is pulled.
/// </summary>
internal sealed class InstanceFeed(IReadOnlyList<DicomInstance> instances, Action<int>? onPull = null) : IAsyncEnumerable<DicomInstance>
{
    private int _enumerations;

    /// <summary>How many times the sink started enumerating (the contract says once).</summary>
    public int Enumerations => Volatile.Read(ref _enumerations);

    /// <inheritdoc />
    public async IAsyncEnumerator<DicomInstance> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _enumerations);
        for (int i = 0; i < instances.Count; i++)
        {
            await Task.Yield();
            onPull?.Invoke(i);
            cancellationToken.ThrowIfCancellationRequested();
            yield return instances[i];
        }
    }
}
