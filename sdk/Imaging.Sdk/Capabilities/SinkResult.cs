namespace Imaging.Sdk.Capabilities;

/// <summary>What a sink wrote.</summary>
/// <param name="Written">The number of instances written.</param>
/// <param name="Locations">Where each one went (paths or URLs), in order.</param>
public sealed record SinkResult(int Written, IReadOnlyList<string> Locations);
