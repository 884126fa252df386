namespace Imaging.Sdk.Testing.Contracts;

/// <summary>Thrown inside a check when the capability breaks its contract; the verifier turns it into a failed result.</summary>
internal sealed class ContractViolationException(string message) : Exception(message);
