namespace Fixture.Probe;

/// <summary>A private transient service the probe resolves on every call, so that the plugin's container compiles its resolvers.</summary>
public sealed class ProbeCall
{
    /// <summary>When this call started.</summary>
    public DateTime Started { get; } = DateTime.UtcNow;
}
