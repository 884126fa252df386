namespace Imaging.Sdk;

/// <summary>The version of this SDK. Plugins declare the range they accept in <c>plugin.json</c> (<see cref="PluginManifest.SdkRange"/>).</summary>
/// <remarks>Breaking the public API of <c>Imaging.Sdk</c> or <c>Imaging.Dicom</c> bumps the major version.</remarks>
public static class SdkInfo
{
    /// <summary>The SDK version: the informational version of this assembly, without build metadata.</summary>
    public static Version Version { get; } = typeof(SdkInfo).Assembly.GetName().Version is { } v ? new Version(v.Major, v.Minor, Math.Max(v.Build, 0)) : new Version(1, 0, 0);
}
