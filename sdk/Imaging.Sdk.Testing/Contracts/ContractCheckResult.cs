namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The result of one contract check on one capability, as <c>imaging plugins verify</c> prints it.</summary>
/// <param name="Kind">The capability kind whose contract was checked.</param>
/// <param name="CapabilityName">The capability's <see cref="Capabilities.ICapability.Name"/> (or <c>?</c> when reading it threw).</param>
/// <param name="Check">The check's name, one of <see cref="ContractCheckNames"/>.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Message">One line: what was observed.</param>
public sealed record ContractCheckResult(CapabilityKind Kind, string CapabilityName, string Check, ContractCheckOutcome Outcome, string Message)
{
    /// <summary>How long the check took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Whether <see cref="Outcome"/> is <see cref="ContractCheckOutcome.Failed"/>.</summary>
    public bool IsFailure => Outcome == ContractCheckOutcome.Failed;

    /// <summary><c>filter:invert progress: failed: Completed went from 3 to 2</c>.</summary>
    public override string ToString()
        => $"{CapabilityKinds.GetName(Kind)}:{CapabilityName} {Check}: {Outcome.ToString().ToLowerInvariant()}: {Message}";
}
