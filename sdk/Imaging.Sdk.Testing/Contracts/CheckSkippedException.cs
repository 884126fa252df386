namespace Imaging.Sdk.Testing.Contracts;

/// <summary>Thrown inside a check that cannot run on this capability or input; the verifier turns it into a skipped result.</summary>
internal sealed class CheckSkippedException(string message) : Exception(message);
