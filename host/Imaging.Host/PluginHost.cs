using System.Diagnostics;
using System.Runtime.Loader;
using Imaging.Dicom.Imaging.Codecs;
using Imaging.Host.Composition;
using Imaging.Host.Guards;
using Imaging.Host.Loading;
using Imaging.Host.Pixels;
using Imaging.Host.Security;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;
using Imaging.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Imaging.Host;

/// <summary>
/// The plugin host: discovers plugin folders, loads each into its own collectible load context, composes their
/// capabilities into one <see cref="IServiceProvider"/> (<see cref="Services"/>) with per-permission guards, and reloads
/// or unloads a plugin when its folder changes — without restarting the process (DESIGN.md: host).
/// </summary>
/// <remarks>
/// A plugin that is incompatible, fails to load or throws in <c>ConfigureServices</c> is reported in
/// <see cref="Plugins"/> with the reason; the host keeps going. Registries resolved from <see cref="Services"/> are live:
/// they always answer from the current plugins.
/// </remarks>
public sealed class PluginHost : IDisposable
{
    private readonly object _gate = new();
    private readonly HostOptions _options;
    private readonly ILogger _logger;
    private readonly PluginActivator _activator;
    private readonly ServiceProvider _services;
    private readonly AllowListPolicy _fallbackPolicy;
    private List<LoadedPlugin> _loaded = [];
    private List<PluginRecord> _records = [];
    private CapabilitySet _capabilities = CapabilitySet.Empty;
    private IDeidentificationPolicy _policy;
    private PluginWatcher? _watcher;
    private bool _disposed;

    private PluginHost(HostOptions options)
    {
        _options = options;
        _logger = options.LoggerFactory.CreateLogger("Imaging.Host");
        AuditLog = new JsonLinesAuditLog(options.AuditLogPath, options.LoggerFactory.CreateLogger("Imaging.Host.Audit"));
        _fallbackPolicy = new AllowListPolicy(options.DeidentificationSecret);
        _policy = options.DeidentificationPolicy ?? _fallbackPolicy;
        var views = new RegistryViews(() => _capabilities, () => _policy);
        _activator = new PluginActivator(options, AuditLog, () => _policy, views);
        var services = new ServiceCollection();
        services.AddSingleton(options.LoggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IAuditLog>(AuditLog);
        services.AddSingleton<IDeidentificationPolicy>(new CurrentPolicy(() => _policy));
        services.AddSingleton(this);
        // The user's view (CLI, scripts, notebooks): every capability, with PHI, including PACS connectors.
        views.AddTo(services, PluginPermissions.Network | PluginPermissions.Phi | PluginPermissions.FileSystemWrite);
        _services = services.BuildServiceProvider();
    }

    /// <summary>
    /// One provider for everything the plugins offer: <see cref="ICapabilityRegistry{T}"/> for each capability
    /// contract (live), <see cref="IDeidentificationPolicy"/> (the active one), <see cref="IAuditLog"/>, logging, and this host.
    /// </summary>
    public IServiceProvider Services => _services;

    /// <summary>The audit log the host and its plugins write to.</summary>
    public JsonLinesAuditLog AuditLog { get; }

    /// <summary>Every plugin folder found, loaded or not, in discovery order.</summary>
    public IReadOnlyList<PluginRecord> Plugins { get { lock (_gate) return _records.ToList(); } }

    /// <summary>The policy applied before a plugin without <c>phi</c> receives a data set.</summary>
    public IDeidentificationPolicy ActivePolicy => _policy;

    /// <summary>How long <see cref="Start"/> took, from the first folder scanned to every plugin composed.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The folders the host searches.</summary>
    public IReadOnlyList<string> PluginFolders => [.. _options.PluginFolders];

    /// <summary>Raised after <see cref="Refresh"/>, <see cref="Reload"/> or <see cref="Unload"/> changed something (on the calling or watcher thread).</summary>
    public event EventHandler<PluginsChangedEventArgs>? PluginsChanged;

    /// <summary>Creates a host and loads every plugin found in <paramref name="options"/>' folders (defaults: <see cref="HostOptions.CreateDefault"/>).</summary>
    public static PluginHost Start(HostOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        var host = new PluginHost(options ?? HostOptions.CreateDefault());
        host.RefreshCore(raiseEvent: false);
        host.StartupTime = clock.Elapsed;
        return host;
    }

    /// <summary>The live registry of capabilities of contract <typeparamref name="T"/> (e.g. <c>GetRegistry&lt;IFilter&gt;()</c>).</summary>
    public ICapabilityRegistry<T> GetRegistry<T>() where T : class, ICapability => _services.GetRequiredService<ICapabilityRegistry<T>>();

    /// <summary>
    /// A pixel codec registry holding the built-in codecs (RLE Lossless) and, taking precedence, the codec plugins loaded
    /// now, for <c>PixelData.Open</c>. A snapshot: plugins loaded later need a new registry.
    /// </summary>
    public PixelCodecRegistry CreateCodecRegistry()
    {
        var registry = new PixelCodecRegistry();
        foreach (var codec in GetRegistry<ICodec>())
            registry.Register(new PluginPixelCodec(codec, codec is IGuarded g ? g.PluginId : "?"));
        return registry;
    }

    /// <summary>
    /// Rescans the plugin folders: loads new plugin folders, reloads those whose files changed, unloads those that
    /// disappeared, and retries those that failed if their files changed. Returns the records that changed.
    /// </summary>
    public IReadOnlyList<PluginRecord> Refresh() => RefreshCore(raiseEvent: true);

    /// <summary>Unloads and loads again the plugin with <paramref name="id"/> from its folder (whether or not it changed).</summary>
    /// <returns>The new record, or null when no plugin has that id.</returns>
    public PluginRecord? Reload(string id)
    {
        PluginRecord? result;
        lock (_gate)
        {
            ThrowIfDisposed();
            var record = _records.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
            if (record is null) return null;
            UnloadLocked(record.Folder);
            result = LoadLocked(record.Folder, PluginFolder.Fingerprint(record.Folder));
            Recompose();
        }
        Raise([result]);
        return result;
    }

    /// <summary>
    /// Unloads the plugin with <paramref name="id"/>; its load context is collected once nothing references its objects.
    /// It stays listed in <see cref="Plugins"/> as disabled ("unloaded") and is not loaded again by <see cref="Refresh"/>
    /// (or the watcher) until its files change; <see cref="Reload"/> loads it again.
    /// </summary>
    /// <returns>False when no loaded plugin has that id.</returns>
    public bool Unload(string id)
    {
        PluginRecord unloaded;
        lock (_gate)
        {
            ThrowIfDisposed();
            int index = _records.FindIndex(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase) && r.Status == PluginStatus.Loaded);
            if (index < 0) return false;
            var folder = _records[index].Folder;
            UnloadLocked(folder);
            unloaded = _records[index] with { Status = PluginStatus.Disabled, Error = "unloaded", Capabilities = [] };
            _records[index] = unloaded;
            // Remembered like a failed load: Refresh leaves the folder alone until its files change.
            _failedFingerprints[folder] = PluginFolder.Fingerprint(folder);
        }
        Raise([unloaded]);
        return true;
    }

    /// <summary>
    /// Watches the plugin folders and calls <see cref="Refresh"/> when files change (after <paramref name="debounce"/>
    /// of quiet, default 300 ms), so a rebuilt plugin is reloaded without restarting a REPL session.
    /// </summary>
    public void WatchForChanges(TimeSpan? debounce = null)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            _watcher ??= new PluginWatcher(_options.PluginFolders, debounce ?? TimeSpan.FromMilliseconds(300), () =>
            {
                // This runs on a timer thread: nothing may escape it (an exception there ends the process).
                try { Refresh(); }
                catch (ObjectDisposedException) { } // the host was disposed while a change was pending
                catch (Exception e) { _logger.LogError(e, "Reloading plugins failed: {Message}", e.Message); }
            });
        }
    }

    /// <summary>The capabilities the loaded plugin <paramref name="id"/> provides, as the platform sees them (guarded; see <see cref="Guards.IGuarded"/>).</summary>
    public IReadOnlyList<ICapability> GetCapabilities(string id)
    {
        lock (_gate) return _loaded.FirstOrDefault(p => string.Equals(p.Record.Id, id, StringComparison.OrdinalIgnoreCase))?.Capabilities ?? [];
    }

    /// <summary>A weak reference to the load context of the loaded plugin <paramref name="id"/> (to observe unloading).</summary>
    public WeakReference<AssemblyLoadContext>? GetLoadContext(string id)
    {
        lock (_gate) return _loaded.FirstOrDefault(p => string.Equals(p.Record.Id, id, StringComparison.OrdinalIgnoreCase))?.LoadContext;
    }

    /// <summary>Unloads every plugin and stops watching.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _watcher?.Dispose();
            _capabilities = CapabilitySet.Empty;
            _policy = _fallbackPolicy;
            foreach (var p in _loaded) SafeUnload(p);
            _loaded = [];
        }
        _services.Dispose();
    }

    private IReadOnlyList<PluginRecord> RefreshCore(bool raiseEvent)
    {
        var changed = new List<PluginRecord>();
        lock (_gate)
        {
            ThrowIfDisposed();
            var folders = PluginFolder.Discover(_options.PluginFolders);
            var present = new HashSet<string>(folders, StringComparer.Ordinal);
            foreach (var gone in _records.Where(r => !present.Contains(r.Folder)).ToList())
            {
                UnloadLocked(gone.Folder);
                _records.Remove(gone);
                changed.Add(gone with { Status = PluginStatus.Disabled, Error = "plugin folder removed", Capabilities = [] });
            }
            foreach (var folder in folders)
            {
                var existing = _records.FirstOrDefault(r => r.Folder == folder);
                var fingerprint = PluginFolder.Fingerprint(folder); // before loading: a copy finishing meanwhile counts as a change
                if (existing is not null)
                {
                    var loaded = _loaded.FirstOrDefault(p => p.Record.Folder == folder);
                    bool same = loaded is not null ? loaded.Fingerprint == fingerprint : _failedFingerprints.GetValueOrDefault(folder) == fingerprint;
                    if (same) continue;
                    UnloadLocked(folder);
                }
                changed.Add(LoadLocked(folder, fingerprint));
            }
            if (changed.Count > 0) Recompose();
        }
        if (raiseEvent && changed.Count > 0) Raise(changed);
        return changed;
    }

    private readonly Dictionary<string, string> _failedFingerprints = new(StringComparer.Ordinal);

    private PluginRecord LoadLocked(string folder, string fingerprint)
    {
        var ids = _loaded.Select(p => p.Record.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in _loaded)
        {
            foreach (var c in p.Record.Capabilities) names[c.ToString()] = p.Record.Id;
        }
        var (plugin, record) = _activator.Load(folder, fingerprint, ids, names);
        int index = _records.FindIndex(r => r.Folder == folder);
        if (index >= 0) _records[index] = record; else _records.Add(record);
        if (plugin is not null)
        {
            _loaded.Add(plugin);
            _failedFingerprints.Remove(folder);
            _logger.LogInformation("Loaded plugin {Id} {Version} from {Folder} in {Ms:F0} ms", record.Id, record.Version, folder, record.LoadTime.TotalMilliseconds);
        }
        else
        {
            _failedFingerprints[folder] = fingerprint;
            _logger.LogWarning("Plugin in {Folder} not loaded: {Error}", folder, record.Error);
        }
        return record;
    }

    private void UnloadLocked(string folder)
    {
        var plugin = _loaded.FirstOrDefault(p => p.Record.Folder == folder);
        _failedFingerprints.Remove(folder);
        if (plugin is null) return;
        _loaded.Remove(plugin);
        Recompose();
        SafeUnload(plugin);
    }

    private void SafeUnload(LoadedPlugin plugin)
    {
        try
        {
            plugin.Unload();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Unloading plugin {Id} failed: {Message}", plugin.Record.Id, e.Message);
        }
    }

    private void Recompose()
    {
        var capabilities = new CapabilitySet(_loaded.SelectMany(p => p.Capabilities));
        _capabilities = capabilities;
        _policy = _options.DeidentificationPolicy ?? ChoosePolicy(capabilities);
    }

    private IDeidentificationPolicy ChoosePolicy(CapabilitySet capabilities)
    {
        // An anonymizer plugin serves as the policy only when configured to (HostOptions.PolicyAnonymizer): installing a
        // plugin must never weaken what plugins without 'phi' receive.
        if (_options.PolicyAnonymizer is not { Length: > 0 } wanted) return _fallbackPolicy;
        if (capabilities.Get<IAnonymizer>().TryGet(wanted, out var anonymizer)
            && anonymizer is Guards.IGuarded { Permissions: var p } && p.HasFlag(PluginPermissions.Phi)
            && anonymizer.Profiles.Contains(_options.PolicyProfile, StringComparer.OrdinalIgnoreCase))
            return new AnonymizerPolicy(anonymizer, _options.PolicyProfile);
        _logger.LogWarning("The configured policy anonymizer '{Name}' (profile {Profile}, with the 'phi' permission) is not loaded; using {Fallback}", wanted, _options.PolicyProfile, _fallbackPolicy.Name);
        return _fallbackPolicy;
    }

    private void Raise(IReadOnlyList<PluginRecord> changed) => PluginsChanged?.Invoke(this, new PluginsChangedEventArgs(changed));

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
