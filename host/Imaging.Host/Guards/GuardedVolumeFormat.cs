using Imaging.Dicom.Imaging.Volumes;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>
/// A plugin's volume file format. Writing is possible only through the audited <c>IFileOutput</c> its permissions
/// grant; reads and writes are audited with the path so the trail shows which files left the platform.
/// </summary>
internal sealed class GuardedVolumeFormat(IVolumeFormat inner, GuardContext guard) : IVolumeFormat, IGuarded
{
    public string Name { get; } = inner.Name;
    public string Description { get; } = inner.Description;
    public IReadOnlyList<string> FileExtensions { get; } = [.. inner.FileExtensions];
    public IReadOnlyList<ArgumentDescriptor> WriteArguments { get; } = [.. inner.WriteArguments];
    public bool CanRead { get; } = inner.CanRead;
    public bool CanWrite { get; } = inner.CanWrite;
    public object Inner => inner;
    public string PluginId => guard.PluginId;
    public Imaging.Sdk.PluginPermissions Permissions => guard.Permissions;

    public Task<Volume> ReadAsync(string path, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        return inner.ReadAsync(path, progress, cancellationToken);
    }

    public Task WriteAsync(Volume volume, string path, CapabilityArguments arguments, bool overwrite = false, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        return inner.WriteAsync(volume, path, arguments ?? CapabilityArguments.Empty, overwrite, progress, cancellationToken);
    }
}
