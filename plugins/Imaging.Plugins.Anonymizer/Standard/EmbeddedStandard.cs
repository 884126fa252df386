using System.Reflection;

namespace Imaging.Plugins.Anonymizer.Standard;

/// <summary>
/// The DICOM standard tables (shared/dicom-standard, MIT) embedded in this assembly at build time, so the plugin folder is
/// self-contained (see the .csproj).
/// </summary>
internal static class EmbeddedStandard
{
    /// <summary>Opens the embedded table <paramref name="fileName"/>, e.g. <c>sops.json</c>.</summary>
    /// <exception cref="InvalidOperationException">The table was not embedded.</exception>
    public static Stream Open(string fileName) =>
        TryOpen(fileName) ?? throw new InvalidOperationException($"the DICOM standard table {fileName} is not embedded in {typeof(EmbeddedStandard).Assembly.GetName().Name}.");

    /// <summary>Opens the embedded table, or null when it was not embedded (optional tables).</summary>
    public static Stream? TryOpen(string fileName) =>
        typeof(EmbeddedStandard).Assembly.GetManifestResourceStream("Standard." + fileName);
}
