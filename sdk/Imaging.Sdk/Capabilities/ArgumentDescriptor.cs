namespace Imaging.Sdk.Capabilities;

/// <summary>Describes one argument of a filter or model.</summary>
/// <param name="Name">The argument name (lower case).</param>
/// <param name="Description">What it does and its unit.</param>
/// <param name="DefaultValue">The value used when it is not given, as text; null when required.</param>
public sealed record ArgumentDescriptor(string Name, string Description, string? DefaultValue);
