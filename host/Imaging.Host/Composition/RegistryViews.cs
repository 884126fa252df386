using Imaging.Host.Guards;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;
using Imaging.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Host.Composition;

/// <summary>
/// Registers the capability registries in a service collection as a holder with the given permissions may see them:
/// without <c>network</c> there is no PACS connector registry at all; without <c>phi</c> every source's output and every
/// PACS result passes the policy first; capabilities of plugins holding network or file-write permissions the holder
/// lacks are hidden.
/// </summary>
internal sealed class RegistryViews(Func<CapabilitySet> current, Func<IDeidentificationPolicy> policy)
{
    public void AddTo(IServiceCollection services, PluginPermissions permissions)
    {
        bool phi = permissions.HasFlag(PluginPermissions.Phi);
        // A holder sees only capabilities whose owner needs no network or file-write permission the holder lacks, so it
        // cannot use another plugin to do what it may not do itself (the host's own view has every permission).
        bool Visible(ICapability c) => c is not IGuarded g || (g.Permissions & ~permissions & (PluginPermissions.Network | PluginPermissions.FileSystemWrite)) == 0;
        services.AddSingleton<ICapabilityRegistry<IDicomSource>>(new LiveRegistry<IDicomSource>(() => current().Get<IDicomSource>(),
            phi ? null : s => new DeidentifyingSource(s, policy), Visible));
        services.AddSingleton<ICapabilityRegistry<IDicomSink>>(new LiveRegistry<IDicomSink>(() => current().Get<IDicomSink>(), null, Visible));
        services.AddSingleton<ICapabilityRegistry<IAnonymizer>>(new LiveRegistry<IAnonymizer>(() => current().Get<IAnonymizer>(), null, Visible));
        services.AddSingleton<ICapabilityRegistry<IFilter>>(new LiveRegistry<IFilter>(() => current().Get<IFilter>(), null, Visible));
        services.AddSingleton<ICapabilityRegistry<ICodec>>(new LiveRegistry<ICodec>(() => current().Get<ICodec>(), null, Visible));
        services.AddSingleton<ICapabilityRegistry<IAiModel>>(new LiveRegistry<IAiModel>(() => current().Get<IAiModel>(), null, Visible));
        services.AddSingleton<ICapabilityRegistry<IVolumeFilter>>(new LiveRegistry<IVolumeFilter>(() => current().Get<IVolumeFilter>(), null, Visible));
        services.AddSingleton<ICapabilityRegistry<IVolumeFormat>>(new LiveRegistry<IVolumeFormat>(() => current().Get<IVolumeFormat>(), null, Visible));
        if (permissions.HasFlag(PluginPermissions.Network))
        {
            services.AddSingleton<ICapabilityRegistry<IPacsConnector>>(new LiveRegistry<IPacsConnector>(() => current().Get<IPacsConnector>(),
                phi ? null : c => new DeidentifyingPacsConnector(c, policy), Visible));
        }
    }
}
