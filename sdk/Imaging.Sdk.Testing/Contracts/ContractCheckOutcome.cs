namespace Imaging.Sdk.Testing.Contracts;

/// <summary>How one contract check ended.</summary>
public enum ContractCheckOutcome
{
    /// <summary>The capability did what its contract promises.</summary>
    Passed,

    /// <summary>The capability broke its contract; the message says how.</summary>
    Failed,

    /// <summary>The check could not run on this capability or input (e.g. a single-unit operation for a mid-run cancellation); the message says why.</summary>
    Skipped,
}
