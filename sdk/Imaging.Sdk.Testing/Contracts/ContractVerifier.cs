using System.Diagnostics;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// Checks a capability against its contract (the promises of <c>Imaging.Sdk.Capabilities</c>): descriptors, cancellation,
/// progress, no mutation of inputs, errors as contract exceptions, and the kind's own output rules. Framework-neutral:
/// <c>imaging plugins verify</c> calls it on every capability a plugin registers, and the xunit base classes in
/// <c>Imaging.Sdk.Testing.Xunit</c> run one check per test.
/// </summary>
/// <remarks>
/// Checks run one after another, each on fresh inputs from <see cref="SyntheticStudy"/> (or the ones in
/// <see cref="ContractVerifierOptions"/>) and in its own temporary folder. Each check is bounded by
/// <see cref="ContractVerifierOptions.CheckTimeout"/>: a capability that hangs fails the check instead of hanging the
/// caller (its work is abandoned, not killed: in-process code cannot be stopped).
/// </remarks>
public static class ContractVerifier
{
    /// <summary>The capability kinds whose contract <paramref name="capability"/> implements (usually one).</summary>
    public static IReadOnlyList<CapabilityKind> GetKinds(ICapability capability)
    {
        ArgumentNullException.ThrowIfNull(capability);
        return [.. CapabilityKinds.All.Where(k => CapabilityKinds.GetContract(k).IsInstanceOfType(capability))];
    }

    /// <summary>The checks run for capabilities of <paramref name="kind"/>, in order (names from <see cref="ContractCheckNames"/>).</summary>
    public static IReadOnlyList<string> GetCheckNames(CapabilityKind kind) => kind switch
    {
        CapabilityKind.Source => SourceContract.Names,
        CapabilityKind.Sink => SinkContract.Names,
        CapabilityKind.Anonymizer => AnonymizerContract.Names,
        CapabilityKind.Filter => FilterContract.Names,
        CapabilityKind.PacsConnector => PacsConnectorContract.Names,
        CapabilityKind.Codec => CodecContract.Names,
        CapabilityKind.AiModel => AiModelContract.Names,
        CapabilityKind.VolumeFilter => VolumeFilterContract.Names,
        CapabilityKind.VolumeFormat => VolumeFormatContract.Names,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown capability kind."),
    };

    /// <summary>Runs every check of every contract <paramref name="capability"/> implements.</summary>
    /// <exception cref="ArgumentException">The capability implements no capability contract.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<IReadOnlyList<ContractCheckResult>> VerifyAsync(ICapability capability, ContractVerifierOptions? options = null, CancellationToken cancellationToken = default)
    {
        var kinds = GetKinds(capability);
        if (kinds.Count == 0)
            throw new ArgumentException($"{capability.GetType().FullName} implements no capability contract (IFilter, IDicomSource, IDicomSink, ...).", nameof(capability));
        var results = new List<ContractCheckResult>();
        foreach (var kind in kinds) results.AddRange(await VerifyAsync(capability, kind, options, cancellationToken).ConfigureAwait(false));
        return results;
    }

    /// <summary>Runs every check of the <paramref name="kind"/> contract on <paramref name="capability"/>.</summary>
    /// <exception cref="ArgumentException">The capability does not implement the contract of <paramref name="kind"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<IReadOnlyList<ContractCheckResult>> VerifyAsync(ICapability capability, CapabilityKind kind, ContractVerifierOptions? options = null, CancellationToken cancellationToken = default)
    {
        var contract = Create(capability, kind);
        var results = new List<ContractCheckResult>();
        foreach (var check in contract.CheckNames)
            results.Add(await RunAsync(contract, check, options ?? new ContractVerifierOptions(), cancellationToken).ConfigureAwait(false));
        return results;
    }

    /// <summary>Runs one check (<see cref="ContractCheckNames"/>) of the <paramref name="kind"/> contract on <paramref name="capability"/>.</summary>
    /// <exception cref="ArgumentException">The capability does not implement the contract, or the contract has no such check.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ContractCheckResult> RunCheckAsync(ICapability capability, CapabilityKind kind, string check, ContractVerifierOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        var contract = Create(capability, kind);
        if (!contract.CheckNames.Contains(check, StringComparer.Ordinal))
            throw new ArgumentException($"The {CapabilityKinds.GetName(kind)} contract has no check '{check}'; it has: {string.Join(", ", contract.CheckNames)}.", nameof(check));
        return RunAsync(contract, check, options ?? new ContractVerifierOptions(), cancellationToken);
    }

    private static CapabilityContract Create(ICapability capability, CapabilityKind kind)
    {
        ArgumentNullException.ThrowIfNull(capability);
        return (kind, capability) switch
        {
            (CapabilityKind.Source, IDicomSource s) => new SourceContract(s),
            (CapabilityKind.Sink, IDicomSink s) => new SinkContract(s),
            (CapabilityKind.Anonymizer, IAnonymizer a) => new AnonymizerContract(a),
            (CapabilityKind.Filter, IFilter f) => new FilterContract(f),
            (CapabilityKind.PacsConnector, IPacsConnector p) => new PacsConnectorContract(p),
            (CapabilityKind.Codec, ICodec c) => new CodecContract(c),
            (CapabilityKind.AiModel, IAiModel m) => new AiModelContract(m),
            (CapabilityKind.VolumeFilter, IVolumeFilter f) => new VolumeFilterContract(f),
            (CapabilityKind.VolumeFormat, IVolumeFormat f) => new VolumeFormatContract(f),
            _ => throw new ArgumentException($"{capability.GetType().FullName} does not implement {CapabilityKinds.GetContract(kind).Name}.", nameof(capability)),
        };
    }

    private static async Task<ContractCheckResult> RunAsync(CapabilityContract contract, string check, ContractVerifierOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var name = SafeName(contract.Capability);
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ctx = new CheckContext(options, cts.Token);
        var task = Task.Run(() => contract.RunAsync(check, ctx), CancellationToken.None);
        ContractCheckOutcome outcome;
        string message;
        try
        {
            message = await task.WaitAsync(options.CheckTimeout, cancellationToken).ConfigureAwait(false);
            outcome = ContractCheckOutcome.Passed;
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            await cts.CancelAsync().ConfigureAwait(false);
            outcome = ContractCheckOutcome.Failed;
            message = $"did not finish within {Probes.Seconds(options.CheckTimeout)}: the capability hangs or ignores its cancellation token";
        }
        catch (ContractViolationException e)
        {
            outcome = ContractCheckOutcome.Failed;
            message = e.Message;
        }
        catch (CheckSkippedException e)
        {
            outcome = ContractCheckOutcome.Skipped;
            message = e.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await cts.CancelAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            outcome = ContractCheckOutcome.Failed;
            message = $"threw {Probes.Describe(e)} on valid input (if it needs other input or arguments, give them in ContractVerifierOptions)";
        }
        finally
        {
            // A hung capability may still hold the token and the folder: clean up when (if ever) it lets go.
            _ = task.ContinueWith(_ =>
            {
                ctx.Dispose();
                cts.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return new ContractCheckResult(contract.Kind, name, check, outcome, message) { Elapsed = clock.Elapsed };
    }

    private static string SafeName(ICapability capability)
    {
        try { return string.IsNullOrEmpty(capability.Name) ? "?" : capability.Name; }
        catch (Exception e) when (e is not OutOfMemoryException) { return "?"; }
    }
}
