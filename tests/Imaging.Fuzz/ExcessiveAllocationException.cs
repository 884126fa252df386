namespace Imaging.Fuzz;

/// <summary>The target allocated far more memory than its input could justify (a bogus length was believed).</summary>
internal sealed class ExcessiveAllocationException(string message) : Exception(message);
