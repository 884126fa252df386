using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;

namespace Imaging.Host.Tests.Infrastructure;

/// <summary>
/// A <see cref="PluginHost"/> started on given plugin folders with its audit log in a temp folder (never ~/.imaging) and
/// a fixed de-identification secret; disposing it disposes the host, then the temp folder when it owns it.
/// </summary>
internal sealed class TestHost : IDisposable
{
    /// <summary>The secret of the built-in policy in these tests.</summary>
    public static readonly byte[] Secret = "imaging-host-tests-secret"u8.ToArray();

    private readonly TempFolder? _ownedTemp;

    private TestHost(PluginHost host, TempFolder temp, bool ownsTemp)
    {
        Host = host;
        Temp = temp;
        _ownedTemp = ownsTemp ? temp : null;
    }

    public PluginHost Host { get; }

    public TempFolder Temp { get; }

    public string AuditLogPath => Host.AuditLog.Path;

    /// <summary>Starts a host on <paramref name="pluginFolders"/> with a temp folder of its own.</summary>
    public static TestHost Start(params string[] pluginFolders) => Start(new TempFolder(), ownsTemp: true, configure: null, pluginFolders);

    /// <summary>Starts a host on <paramref name="pluginFolders"/>, auditing into <paramref name="temp"/> (which the caller disposes).</summary>
    public static TestHost Start(TempFolder temp, params string[] pluginFolders) => Start(temp, ownsTemp: false, configure: null, pluginFolders);

    /// <summary>Starts a host with options adjusted by <paramref name="configure"/>.</summary>
    public static TestHost Start(Action<HostOptions> configure, params string[] pluginFolders) => Start(new TempFolder(), ownsTemp: true, configure, pluginFolders);

    private static TestHost Start(TempFolder temp, bool ownsTemp, Action<HostOptions>? configure, string[] pluginFolders)
    {
        var options = new HostOptions
        {
            AuditLogPath = temp.Combine("audit", "audit.log"),
            DeidentificationSecret = Secret,
        };
        foreach (var folder in pluginFolders) options.PluginFolders.Add(folder);
        configure?.Invoke(options);
        try
        {
            return new TestHost(PluginHost.Start(options), temp, ownsTemp);
        }
        catch
        {
            if (ownsTemp) temp.Dispose();
            throw;
        }
    }

    public ICapabilityRegistry<IFilter> Filters => Host.GetRegistry<IFilter>();

    /// <summary>The record of plugin <paramref name="id"/> (exactly one).</summary>
    public PluginRecord Record(string id) => Assert.Single(Host.Plugins, r => r.Id == id);

    public IReadOnlyList<AuditLine> Audit() => AuditLine.ReadAll(AuditLogPath);

    public void Dispose()
    {
        Host.Dispose();
        _ownedTemp?.Dispose();
    }
}
