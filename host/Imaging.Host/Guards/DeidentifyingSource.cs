using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;

namespace Imaging.Host.Guards;

/// <summary>
/// A source as seen by a plugin without <c>phi</c> that reads through the source registry: what any source yields
/// passes the policy before that plugin sees it.
/// </summary>
internal sealed class DeidentifyingSource(IDicomSource inner, Func<IDeidentificationPolicy> policy) : IDicomSource, IGuarded
{
    public string Name => inner.Name;
    public string Description => inner.Description;
    public bool CanRead(string location) => inner.CanRead(location);
    public object Inner => inner is IGuarded g ? g.Inner : inner;
    public string PluginId => inner is IGuarded g ? g.PluginId : "";
    public Imaging.Sdk.PluginPermissions Permissions => inner is IGuarded g ? g.Permissions : Imaging.Sdk.PluginPermissions.None;

    public IAsyncEnumerable<DicomInstance> ReadAsync(string location, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var active = policy(); // one policy for the whole enumeration, even if plugins reload meanwhile
        return GuardContext.Map(inner.ReadAsync(location, GuardContext.CountsOnly(progress), cancellationToken), i => GuardContext.Deidentify(i, active), cancellationToken);
    }
}
