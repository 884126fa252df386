using Imaging.Dicom.Imaging.Volumes;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>
/// A plugin's volume filter. Volumes carry voxels and geometry only — no attributes, so nothing for the policy to
/// remove — and the filter needs no permission; pixels that show burned-in text are outside what the host can police.
/// </summary>
internal sealed class GuardedVolumeFilter(IVolumeFilter inner, GuardContext guard) : IVolumeFilter, IGuarded
{
    public string Name { get; } = inner.Name;
    public string Description { get; } = inner.Description;
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } = [.. inner.Arguments];
    public object Inner => inner;
    public string PluginId => guard.PluginId;
    public Imaging.Sdk.PluginPermissions Permissions => guard.Permissions;

    public Task<Volume> ApplyAsync(Volume input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        return inner.ApplyAsync(input, arguments ?? CapabilityArguments.Empty, progress, cancellationToken);
    }
}
