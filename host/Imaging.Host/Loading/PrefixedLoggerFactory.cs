using Microsoft.Extensions.Logging;

namespace Imaging.Host.Loading;

/// <summary>Loggers for one plugin: categories are prefixed with the plugin id (<c>imaging.filters/Imaging.Plugins.Filters.Gaussian</c>).</summary>
internal sealed class PrefixedLoggerFactory(ILoggerFactory inner, string prefix) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => inner.CreateLogger($"{prefix}/{categoryName}");

    // Providers belong to the host's factory; a plugin cannot add or remove them.
    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }
}
