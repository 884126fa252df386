using Imaging.Dicom;
using Imaging.Sdk.Security;

namespace Imaging.Host.Security;

/// <summary>
/// The policy object handed out through DI: stable, always applying the host's current policy, so that nobody keeps an
/// old policy (or, through it, an unloaded anonymizer plugin) alive after plugins change.
/// </summary>
internal sealed class CurrentPolicy(Func<IDeidentificationPolicy> current) : IDeidentificationPolicy
{
    public string Name => current().Name;

    public DicomDataset Apply(DicomDataset dataset) => current().Apply(dataset);
}
