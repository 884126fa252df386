namespace Imaging.Sdk;

/// <summary>A <c>plugin.json</c> that cannot be used: unreadable, not JSON, or missing or invalid fields.</summary>
public sealed class PluginManifestException : ImagingPluginException
{
    /// <summary>Creates the exception for the manifest at <paramref name="path"/>.</summary>
    public PluginManifestException(string? path, string message, Exception? innerException = null)
        : base(path is null ? message : $"{path}: {message}", innerException)
    {
        ManifestPath = path;
    }

    /// <summary>The path of the manifest, when it came from a file.</summary>
    public string? ManifestPath { get; }
}
