using Imaging.Host.Guards;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;
using Imaging.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Host.Composition;

/// <summary>
/// Registers the capability registries in a service collection as a holder with the given permissions may see them:
/// without <c>network</c> there is no PACS connector registry at all; without <c>phi</c> every source's output passes
/// the policy first.
/// </summary>
internal sealed class RegistryViews(Func<CapabilitySet> current, Func<IDeidentificationPolicy> policy)
{
    public void AddTo(IServiceCollection services, PluginPermissions permissions)
    {
        bool phi = permissions.HasFlag(PluginPermissions.Phi);
        services.AddSingleton<ICapabilityRegistry<IDicomSource>>(new LiveRegistry<IDicomSource>(() => current().Get<IDicomSource>(),
            phi ? null : s => new DeidentifyingSource(s, policy)));
        services.AddSingleton<ICapabilityRegistry<IDicomSink>>(new LiveRegistry<IDicomSink>(() => current().Get<IDicomSink>()));
        services.AddSingleton<ICapabilityRegistry<IAnonymizer>>(new LiveRegistry<IAnonymizer>(() => current().Get<IAnonymizer>()));
        services.AddSingleton<ICapabilityRegistry<IFilter>>(new LiveRegistry<IFilter>(() => current().Get<IFilter>()));
        services.AddSingleton<ICapabilityRegistry<ICodec>>(new LiveRegistry<ICodec>(() => current().Get<ICodec>()));
        services.AddSingleton<ICapabilityRegistry<IAiModel>>(new LiveRegistry<IAiModel>(() => current().Get<IAiModel>()));
        if (permissions.HasFlag(PluginPermissions.Network))
            services.AddSingleton<ICapabilityRegistry<IPacsConnector>>(new LiveRegistry<IPacsConnector>(() => current().Get<IPacsConnector>()));
    }
}
