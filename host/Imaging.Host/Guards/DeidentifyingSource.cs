using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;

namespace Imaging.Host.Guards;

/// <summary>
/// A source as seen by a plugin without <c>phi</c> that reads through the source registry: what any source yields
/// passes the policy before that plugin sees it.
/// </summary>
internal sealed class DeidentifyingSource(IDicomSource inner, Func<IDeidentificationPolicy> policy) : IDicomSource
{
    public string Name => inner.Name;
    public string Description => inner.Description;
    public bool CanRead(string location) => inner.CanRead(location);

    public IAsyncEnumerable<DicomInstance> ReadAsync(string location, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => GuardContext.Map(inner.ReadAsync(location, progress, cancellationToken), i => i.WithDataset(policy().Apply(i.Dataset)), cancellationToken);
}
