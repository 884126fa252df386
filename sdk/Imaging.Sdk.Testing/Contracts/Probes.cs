using System.Diagnostics;
using System.Globalization;
using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The probes the kind-specific contracts share: cancellation, progress, error types, descriptors, messages.</summary>
internal static class Probes
{
    /// <summary>Calls <paramref name="run"/> with a token cancelled beforehand; it must end with <see cref="OperationCanceledException"/> within the deadline.</summary>
    public static async Task<string> CancelledBeforeStartAsync(CheckContext ctx, string operation, Func<CancellationToken, Task> run)
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var deadline = ctx.Options.CancellationDeadline;
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() => run(cts.Token), CancellationToken.None);
        try
        {
            await task.WaitAsync(deadline, ctx.Token);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw Violation($"{operation} with a cancelled token did not end within {Seconds(deadline)}");
        }
        catch (OperationCanceledException) when (!ctx.Token.IsCancellationRequested)
        {
            return $"{operation} with a cancelled token threw OperationCanceledException after {Milliseconds(clock.Elapsed)}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Violation($"{operation} with a cancelled token threw {Describe(e)} instead of OperationCanceledException");
        }
        throw Violation($"{operation} completed although its token was cancelled before the call");
    }

    /// <summary>
    /// Runs <paramref name="run"/> with a token cancelled at the first progress report (or whenever the contract calls
    /// <see cref="CancellationTrigger.Fire"/>); it must stop with <see cref="OperationCanceledException"/> within the deadline.
    /// <paramref name="unitsRemained"/> says, from the reports of a run that completed anyway, whether there was work left to skip.
    /// </summary>
    public static async Task<string> CancelledDuringRunAsync(CheckContext ctx, string operation, Func<RecordingProgress, CancellationTrigger, Task> run, Func<IReadOnlyList<ProgressReport>, bool>? unitsRemained = null)
    {
        using var trigger = new CancellationTrigger(ctx.Token);
        var progress = new RecordingProgress(_ => trigger.Fire("at the first progress report"));
        var task = Task.Run(() => run(progress, trigger), CancellationToken.None);
        await Task.WhenAny(task, trigger.FiredTask).WaitAsync(ctx.Token);
        if (trigger.Fired && !task.IsCompleted)
        {
            try { await task.WaitAsync(ctx.Options.CancellationDeadline, ctx.Token); }
            catch (TimeoutException) when (!task.IsCompleted)
            {
                throw Violation($"{operation} did not stop within {Seconds(ctx.Options.CancellationDeadline)} of its token being cancelled {trigger.Reason}");
            }
            catch (Exception e) when (e is not OperationCanceledException || !ctx.Token.IsCancellationRequested) { }
        }
        var stoppedAfter = trigger.SinceFired;
        Exception? error = null;
        try { await task; }
        catch (Exception e) { error = e; }
        ctx.Token.ThrowIfCancellationRequested();
        var reports = progress.Reports;
        if (error is OperationCanceledException)
        {
            if (!trigger.Fired) throw Violation($"{operation} threw OperationCanceledException although nothing was cancelled");
            if (stoppedAfter > ctx.Options.CancellationDeadline)
                throw Violation($"{operation} took {Seconds(stoppedAfter)} to stop after its token was cancelled {trigger.Reason}");
            return $"{operation} stopped with OperationCanceledException {Milliseconds(stoppedAfter)} after its token was cancelled {trigger.Reason} ({Count(reports.Count, "progress report")} in all)";
        }
        if (error is not null)
            throw Violation($"{operation} threw {Describe(error)}{(trigger.Fired ? " after cancellation" : "")} instead of OperationCanceledException");
        if (!trigger.Fired)
            throw Skip($"{operation} reported no progress, so there was no point to cancel at (see the {ContractCheckNames.Progress} check)");
        bool remained = reports.Count > 1
            || (reports.Count == 1 && reports[0].Total is { } total && reports[0].Completed < total)
            || (unitsRemained?.Invoke(reports) ?? false);
        if (remained)
            throw Violation($"{operation} kept going after its token was cancelled {trigger.Reason} and completed normally ({Count(reports.Count, "progress report")} in all)");
        throw Skip($"{operation} had a single unit of work, so nothing was left to cancel after {trigger.Reason}");
    }

    /// <summary>Checks the reports of a completed run; <paramref name="expectedUnits"/> is the number of units the contract says it reports, when it says so.</summary>
    public static string CheckProgress(string operation, IReadOnlyList<ProgressReport> reports, long? expectedUnits, string unit)
    {
        if (reports.Count == 0) throw Violation($"{operation} reported no progress");
        for (int i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            if (r.Completed < 0) throw Violation($"report {i + 1} has a negative Completed ({r.Completed})");
            if (r.Total is { } t && (t < 0 || r.Completed > t)) throw Violation($"report {i + 1} has Completed {r.Completed} beyond Total {t}");
            if (i > 0 && r.Completed < reports[i - 1].Completed)
                throw Violation($"Completed went down from {reports[i - 1].Completed} to {r.Completed} at report {i + 1}");
        }
        var last = reports[^1];
        if (last.Total is { } total && last.Completed != total)
            throw Violation($"the last report has Completed {last.Completed} of Total {total}");
        if (expectedUnits is { } n && last.Completed != n)
            throw Violation($"the last report has Completed {last.Completed}, but there were {Count(n, unit)} (one report per {unit})");
        return $"{Count(reports.Count, "report")}, Completed rising to {last.Completed}{(last.Total is null ? "" : $" of {last.Total}")}";
    }

    /// <summary>Calls <paramref name="run"/> with input it cannot work on; it must throw a contract exception.</summary>
    public static async Task<string> ExpectContractErrorAsync(CheckContext ctx, string input, Func<CancellationToken, Task> run)
    {
        try
        {
            await Task.Run(() => run(ctx.Token), CancellationToken.None);
        }
        catch (OperationCanceledException) when (ctx.Token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (IsContractException(e))
        {
            return $"{input}: {Describe(e)}";
        }
        catch (Exception e)
        {
            throw Violation($"{input}: threw {Describe(e)}; expected an exception deriving from ImagingPluginException (e.g. InvalidInputException) or DicomException");
        }
        throw Violation($"{input}: accepted without an error; expected an exception deriving from ImagingPluginException (e.g. InvalidInputException)");
    }

    /// <summary>Whether <paramref name="e"/> is one of the contract's exception types.</summary>
    public static bool IsContractException(Exception e) => e is ImagingPluginException or DicomException;

    /// <summary>Checks a name as <see cref="ICapability.Name"/> and <see cref="ArgumentDescriptor.Name"/> want it: non-empty, lower case, no white space.</summary>
    public static void CheckName(string what, string? name, List<string> problems)
    {
        if (string.IsNullOrEmpty(name)) problems.Add($"{what} is empty");
        else if (name.Any(char.IsWhiteSpace)) problems.Add($"{what} '{name}' contains white space");
        else if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal)) problems.Add($"{what} '{name}' is not lower case");
    }

    /// <summary>Checks a filter's or model's argument descriptors.</summary>
    public static void CheckArguments(Func<IReadOnlyList<ArgumentDescriptor>?> read, List<string> problems)
    {
        var arguments = Read("Arguments", read, problems);
        if (arguments is null) return;
        foreach (var a in arguments)
        {
            if (a is null) { problems.Add("Arguments holds null"); continue; }
            CheckName("argument name", a.Name, problems);
            if (string.IsNullOrWhiteSpace(a.Description)) problems.Add($"argument '{a.Name}' has no description");
        }
    }

    /// <summary>Reads a descriptor property, recording null or a throw as a problem.</summary>
    public static T? Read<T>(string what, Func<T?> read, List<string> problems) where T : class
    {
        try
        {
            var value = read();
            if (value is null) problems.Add($"{what} is null");
            return value;
        }
        catch (Exception e)
        {
            problems.Add($"reading {what} threw {Describe(e)}");
            return null;
        }
    }

    /// <summary>The one-line description of an exception: type and first line of its message.</summary>
    public static string Describe(Exception e)
    {
        var message = e.Message;
        int nl = message.IndexOfAny(['\r', '\n']);
        if (nl >= 0) message = message[..nl];
        return $"{e.GetType().Name} ({message})";
    }

    /// <summary>A failure of the check.</summary>
    public static ContractViolationException Violation(string message) => new(message);

    /// <summary>A skip of the check.</summary>
    public static CheckSkippedException Skip(string message) => new(message);

    /// <summary>"1 report", "3 reports".</summary>
    public static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{n} {noun}s");

    /// <summary>"5 s", "0.5 s".</summary>
    public static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.#} s");

    private static string Milliseconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0} ms");
}
