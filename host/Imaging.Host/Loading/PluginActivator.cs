using System.Diagnostics;
using System.Reflection;
using Imaging.Dicom;
using Imaging.Host.Composition;
using Imaging.Host.Guards;
using Imaging.Host.Security;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;
using Imaging.Sdk.Security;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Imaging.Host.Loading;

/// <summary>
/// Loads one plugin folder: manifest, SDK range, entry assembly in a collectible load context sharing only
/// <c>Imaging.Dicom*</c>, <c>Imaging.Sdk</c> and the DI/logging abstractions, the <see cref="IPlugin"/> type, its
/// <c>ConfigureServices</c>, and its capabilities wrapped in permission guards. Every failure becomes a record with a
/// one-line reason; nothing here throws for a bad plugin.
/// </summary>
internal sealed class PluginActivator(HostOptions options, IAuditLog audit, Func<IDeidentificationPolicy> policy, RegistryViews registries)
{
    private static readonly Lazy<Type[]> SharedTypes = new(FindSharedTypes);

    /// <summary>Either a loaded plugin or a record saying why not; <paramref name="fingerprint"/> is the folder's, taken before loading.</summary>
    public (LoadedPlugin? Plugin, PluginRecord Record) Load(string folder, string fingerprint, IReadOnlySet<string> loadedIds, IReadOnlyDictionary<string, string> takenNames)
    {
        var clock = Stopwatch.StartNew();
        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Load(folder);
        }
        catch (PluginManifestException e)
        {
            return (null, Fail(Path.GetFileName(folder), folder, null, e.Message, clock));
        }
        if (options.DisabledPlugins.Contains(manifest.Id))
            return (null, new PluginRecord { Id = manifest.Id, Folder = folder, Manifest = manifest, Status = PluginStatus.Disabled, Error = "disabled by configuration" });
        if (loadedIds.Contains(manifest.Id))
            return (null, Fail(manifest.Id, folder, manifest, $"another plugin with id '{manifest.Id}' is already loaded; this copy is ignored", clock));
        if (!manifest.IsCompatibleWith(options.SdkVersion))
        {
            return (null, new PluginRecord
            {
                Id = manifest.Id, Folder = folder, Manifest = manifest, Status = PluginStatus.Incompatible, LoadTime = clock.Elapsed,
                Error = $"built for SDK {manifest.SdkRange}, but this host runs SDK {options.SdkVersion.ToString(3)}",
            });
        }
        var entryPath = Path.Combine(folder, manifest.EntryAssembly);
        if (!File.Exists(entryPath))
            return (null, Fail(manifest.Id, folder, manifest, $"entry assembly '{manifest.EntryAssembly}' is not in the plugin folder", clock));

        PluginLoader? loader = null;
        ServiceProvider? provider = null;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(entryPath, isUnloadable: true, SharedTypes.Value, config =>
            {
                config.LoadInMemory = true; // the folder's files can be replaced while loaded (hot reload)
                config.PreferSharedTypes = false;
            });
            Assembly assembly;
            try
            {
                assembly = loader.LoadDefaultAssembly();
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
            {
                throw new PluginLoadException($"entry assembly '{manifest.EntryAssembly}' could not be loaded: {FirstLine(e.Message)}");
            }
            var plugin = CreatePlugin(assembly, manifest);
            var services = new ServiceCollection();
            var loggers = new PrefixedLoggerFactory(options.LoggerFactory, manifest.Id);
            var settings = MergeSettings(manifest);
            var context = new PluginContext(manifest, folder, options.SdkVersion, loggers, settings);
            AddHostServices(services, manifest, loggers, context);
            try
            {
                plugin.ConfigureServices(services, context);
            }
            catch (Exception e)
            {
                throw new PluginLoadException($"ConfigureServices threw {e.GetType().Name}: {FirstLine(e.Message)}");
            }
            CheckDeclaredKinds(services, manifest);
            try
            {
                provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            }
            catch (Exception e) when (e is AggregateException or InvalidOperationException)
            {
                throw new PluginLoadException(ExplainMissingService(manifest, e));
            }
            var capabilities = ResolveCapabilities(provider, manifest, takenNames);
            var record = new PluginRecord
            {
                Id = manifest.Id, Folder = folder, Manifest = manifest, Status = PluginStatus.Loaded, LoadTime = clock.Elapsed,
                Capabilities = capabilities.Select(c => new CapabilityInfo(KindOf(c), c.Name, c.Description)).ToList(),
            };
            return (new LoadedPlugin(record, loader, provider, capabilities, fingerprint), record);
        }
        catch (Exception e)
        {
            provider?.Dispose();
            loader?.Dispose();
            var reason = e is PluginLoadException ? e.Message : $"{e.GetType().Name}: {FirstLine(e.Message)}";
            return (null, Fail(manifest.Id, folder, manifest, reason, clock));
        }
    }

    private static PluginRecord Fail(string id, string folder, PluginManifest? manifest, string error, Stopwatch clock)
        => new() { Id = id, Folder = folder, Manifest = manifest, Status = PluginStatus.Failed, Error = error.ReplaceLineEndings(" "), LoadTime = clock.Elapsed };

    private static IPlugin CreatePlugin(Assembly assembly, PluginManifest manifest)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var first = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            throw new PluginLoadException($"types in '{manifest.EntryAssembly}' could not be loaded (a dependency is missing from the plugin folder?): {FirstLine(first)}");
        }
        catch (FileNotFoundException e)
        {
            throw new PluginLoadException($"a dependency of '{manifest.EntryAssembly}' is missing from the plugin folder: {FirstLine(e.Message)}");
        }
        var candidates = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPlugin).IsAssignableFrom(t)).ToList();
        if (manifest.EntryType is { } entryType)
        {
            candidates = candidates.Where(t => t.FullName == entryType).ToList();
            if (candidates.Count == 0)
                throw new PluginLoadException($"entryType '{entryType}' is not a public class implementing Imaging.Sdk.IPlugin in '{manifest.EntryAssembly}'");
        }
        if (candidates.Count == 0)
        {
            bool ownSdk = types.Any(t => t.GetInterfaces().Any(i => i.FullName == typeof(IPlugin).FullName));
            throw new PluginLoadException(ownSdk
                ? $"'{manifest.EntryAssembly}' implements an Imaging.Sdk.IPlugin from another copy of Imaging.Sdk; reference the SDK compile-only (ExcludeAssets=runtime)"
                : $"'{manifest.EntryAssembly}' has no public class implementing Imaging.Sdk.IPlugin");
        }
        if (candidates.Count > 1)
            throw new PluginLoadException($"'{manifest.EntryAssembly}' has several IPlugin classes ({string.Join(", ", candidates.Select(t => t.FullName))}); set \"entryType\" in plugin.json");
        try
        {
            return (IPlugin)Activator.CreateInstance(candidates[0])!;
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            var inner = e.InnerException ?? e;
            throw new PluginLoadException($"{candidates[0].FullName} could not be created: {FirstLine(inner.Message)}");
        }
    }

    private void AddHostServices(IServiceCollection services, PluginManifest manifest, ILoggerFactory loggers, IPluginContext context)
    {
        var p = manifest.Permissions;
        services.AddSingleton(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(context);
        services.AddSingleton<IAuditLog>(new PluginAuditLog(audit, manifest.Id));
        services.AddSingleton<IDeidentificationPolicy>(new CurrentPolicy(policy));
        if (p.HasFlag(PluginPermissions.FileSystemWrite)) services.AddSingleton<IFileOutput>(new AuditedFileOutput(audit, manifest.Id));
        if (p.HasFlag(PluginPermissions.Network)) services.AddSingleton<INetworkAccess>(new AuditedNetworkAccess(audit, manifest.Id));
        registries.AddTo(services, p);
    }

    private static void CheckDeclaredKinds(IServiceCollection services, PluginManifest manifest)
    {
        var registered = new HashSet<CapabilityKind>();
        foreach (var d in services)
        {
            if (CapabilityKinds.TryGetKind(d.ServiceType, out var kind) && !d.IsKeyedService) registered.Add(kind.Value);
        }
        foreach (var kind in registered)
        {
            if (!manifest.Capabilities.Contains(kind))
                throw new PluginLoadException($"registers a {CapabilityKinds.GetName(kind)} but plugin.json does not declare \"{CapabilityKinds.GetName(kind)}\" in \"capabilities\" (it declares: {DescribeKinds(manifest.Capabilities)})");
        }
        // A PACS connector talks to the network and handles PHI by nature (query keys name patients): it needs both.
        var pacsNeeds = PluginPermissions.Network | PluginPermissions.Phi;
        if (registered.Contains(CapabilityKind.PacsConnector) && (manifest.Permissions & pacsNeeds) != pacsNeeds)
            throw new PluginLoadException(new PermissionDeniedException(manifest.Id, pacsNeeds & ~manifest.Permissions, "provide a PACS connector").Message);
        foreach (var kind in manifest.Capabilities)
        {
            if (!registered.Contains(kind))
                throw new PluginLoadException($"plugin.json declares \"{CapabilityKinds.GetName(kind)}\" but ConfigureServices registers none (use services.Add{kind}<T>())");
        }
    }

    private static string DescribeKinds(IReadOnlyList<CapabilityKind> kinds)
        => kinds.Count == 0 ? "none" : string.Join(", ", kinds.Select(CapabilityKinds.GetName));

    private List<ICapability> ResolveCapabilities(ServiceProvider provider, PluginManifest manifest, IReadOnlyDictionary<string, string> takenNames)
    {
        var result = new List<ICapability>();
        foreach (var kind in manifest.Capabilities)
        {
            IEnumerable<object?> instances;
            try
            {
                instances = provider.GetServices(CapabilityKinds.GetContract(kind)).ToList();
            }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
                throw new PluginLoadException($"a {CapabilityKinds.GetName(kind)} could not be created: {inner.GetType().Name}: {FirstLine(inner.Message)}");
            }
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var o in instances)
            {
                var c = (ICapability)o!;
                string name;
                try { name = c.Name; } catch (Exception e) { throw new PluginLoadException($"a {CapabilityKinds.GetName(kind)}'s Name threw {e.GetType().Name}"); }
                if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
                    throw new PluginLoadException($"a {CapabilityKinds.GetName(kind)} has an empty name or a name with spaces ('{name}')");
                var key = $"{CapabilityKinds.GetName(kind)}:{name}";
                if (!names.Add(name))
                    throw new PluginLoadException($"registers two {CapabilityKinds.GetName(kind)} capabilities named '{name}'");
                if (takenNames.TryGetValue(key, out var owner))
                    throw new PluginLoadException($"{key} is already provided by plugin '{owner}'");
                result.Add(Guard(kind, c, manifest));
            }
        }
        return result;
    }

    private ICapability Guard(CapabilityKind kind, ICapability capability, PluginManifest manifest)
    {
        var guard = new GuardContext(manifest.Id, manifest.Permissions, policy, audit, $"{CapabilityKinds.GetName(kind)}:{capability.Name}");
        return kind switch
        {
            CapabilityKind.Source => new GuardedSource((IDicomSource)capability, guard),
            CapabilityKind.Sink => new GuardedSink((IDicomSink)capability, guard),
            CapabilityKind.Anonymizer => new GuardedAnonymizer((IAnonymizer)capability, guard),
            CapabilityKind.Filter => new GuardedFilter((IFilter)capability, guard),
            CapabilityKind.PacsConnector => new GuardedPacsConnector((IPacsConnector)capability, guard),
            CapabilityKind.Codec => new GuardedCodec((ICodec)capability, guard),
            CapabilityKind.AiModel => new GuardedAiModel((IAiModel)capability, guard),
            CapabilityKind.VolumeFilter => new GuardedVolumeFilter((IVolumeFilter)capability, guard),
            CapabilityKind.VolumeFormat => new GuardedVolumeFormat((IVolumeFormat)capability, guard),
            _ => throw new PluginLoadException($"unknown capability kind {kind}"),
        };
    }

    internal static CapabilityKind KindOf(ICapability c)
    {
        foreach (var kind in CapabilityKinds.All)
        {
            if (CapabilityKinds.GetContract(kind).IsInstanceOfType(c)) return kind;
        }
        throw new ArgumentException($"{c.GetType().Name} implements no capability contract.", nameof(c));
    }

    private IReadOnlyDictionary<string, string> MergeSettings(PluginManifest manifest)
    {
        var settings = new Dictionary<string, string>(manifest.Settings, StringComparer.OrdinalIgnoreCase);
        if (options.PluginSettings.TryGetValue(manifest.Id, out var overrides))
        {
            foreach (var kv in overrides) settings[kv.Key] = kv.Value;
        }
        return settings;
    }

    private static string ExplainMissingService(PluginManifest manifest, Exception e)
    {
        var message = e is AggregateException a ? a.InnerExceptions.FirstOrDefault()?.Message ?? e.Message : e.Message;
        (Type Service, PluginPermissions Permission)[] gated =
        [
            (typeof(IFileOutput), PluginPermissions.FileSystemWrite),
            (typeof(INetworkAccess), PluginPermissions.Network),
            (typeof(ICapabilityRegistry<IPacsConnector>), PluginPermissions.Network),
        ];
        foreach (var (service, permission) in gated)
        {
            // DI names a closed generic as Namespace.Type`1[Arg]: match on the open type's name and the argument's.
            bool named = service.IsGenericType
                ? message.Contains(service.GetGenericTypeDefinition().FullName!, StringComparison.Ordinal) && service.GetGenericArguments().All(a => message.Contains(a.FullName!, StringComparison.Ordinal))
                : message.Contains(service.FullName!, StringComparison.Ordinal);
            if (named)
                return new PermissionDeniedException(manifest.Id, permission, $"receive {service.Name}").Message;
        }
        return $"its services cannot be constructed: {FirstLine(message)}";
    }

    internal static string FirstLine(string text)
    {
        int nl = text.IndexOfAny(['\r', '\n']);
        return nl < 0 ? text : text[..nl];
    }

    /// <summary>
    /// The types whose assemblies are shared with plugins: every <c>Imaging.Dicom*</c> assembly next to the host,
    /// <c>Imaging.Sdk</c>, and the DI and logging abstractions (DESIGN.md). Nothing else.
    /// </summary>
    private static Type[] FindSharedTypes()
    {
        var types = new List<Type> { typeof(DicomDataset), typeof(IPlugin), typeof(IServiceCollection), typeof(ILogger) };
        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "Imaging.Dicom.*.dll"))
        {
            try
            {
                var asm = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(AssemblyName.GetAssemblyName(path));
                if (asm.GetExportedTypes().FirstOrDefault() is { } t) types.Add(t);
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException) { }
        }
        return [.. types];
    }
}

/// <summary>A reason a plugin did not load (caught by <see cref="PluginActivator"/> and turned into a record).</summary>
internal sealed class PluginLoadException(string message) : Exception(message);
