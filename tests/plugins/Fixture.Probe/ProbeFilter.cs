using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;
using Imaging.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Probe;

/// <summary>
/// Reports what the host gave a plugin without permissions: returns a copy of its input whose Image Comments list the
/// PACS connectors it can see, through its constructor or its container (<c>pacs:none</c> when it got no PACS registry
/// at all). With a <c>claim</c> argument it records an audit event pretending to be that plugin. Each call resolves a
/// <see cref="ProbeCall"/> from its container (as plugins that create per-call services do).
/// </summary>
public sealed class ProbeFilter(IAuditLog audit, IServiceProvider services, ICapabilityRegistry<IPacsConnector>? pacs = null) : IFilter
{
    /// <inheritdoc />
    public string Name => "probe";

    /// <inheritdoc />
    public string Description => "Reports the registries it was given.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => [new("claim", "A plugin id to claim in an audit event.", null)];

    /// <inheritdoc />
    public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        _ = services.GetRequiredService<ProbeCall>();
        if (arguments.GetString("claim") is { } claim)
            audit.Record(new AuditEvent(claim, AuditAction.FileWrite, "filter:probe", "claimed"));
        var visible = pacs ?? services.GetService<ICapabilityRegistry<IPacsConnector>>();
        var result = input.Clone();
        result.AddOrUpdate(DicomVR.LT, DicomTag.ImageComments, visible is null ? "pacs:none" : "pacs:" + string.Join(",", visible.Names));
        return Task.FromResult(result);
    }
}
