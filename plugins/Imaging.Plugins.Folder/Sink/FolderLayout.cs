using System.Globalization;
using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Folder.Sink;

/// <summary>
/// Where the <see cref="FolderSink"/> puts an instance:
/// <c>&lt;root&gt;/&lt;PatientID&gt;/&lt;StudyInstanceUID&gt;/&lt;Modality&gt;_&lt;SeriesNumber&gt;_&lt;hash of SeriesInstanceUID&gt;/&lt;SOPInstanceUID&gt;.dcm</c>,
/// every component made safe by <see cref="SafeName"/> (PS3.3 C.7.1.1, C.7.2.1, C.7.3.1, C.12.1 name the attributes).
/// </summary>
internal static class FolderLayout
{
    /// <summary>The absolute destination folder.</summary>
    /// <exception cref="InvalidInputException">The destination is empty, malformed or an existing file.</exception>
    public static string Root(string destination)
    {
        if (string.IsNullOrWhiteSpace(destination))
            throw new InvalidInputException("The folder sink needs a destination folder.");
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException($"'{destination}' is not a valid path: {e.Message}", e);
        }
        if (File.Exists(full))
            throw new InvalidInputException($"'{destination}' is a file; the folder sink writes into a folder.");
        return full;
    }

    /// <summary>The path of <paramref name="instance"/> under <paramref name="root"/>.</summary>
    /// <exception cref="InvalidInputException">The instance has no SOP Instance UID.</exception>
    public static string PathFor(string root, DicomInstance instance)
    {
        var ds = instance.Dataset;
        var sop = Text(ds, DicomTag.SOPInstanceUID)
            ?? throw new InvalidInputException($"{instance} has no SOP Instance UID (0008,0018); the folder sink names files by it.");
        var seriesUid = Text(ds, DicomTag.SeriesInstanceUID);
        var seriesNumber = ds.TryGetValue<int>(DicomTag.SeriesNumber, 0, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "0";
        var series = SafeName.Of($"{SafeName.Of(Text(ds, DicomTag.Modality))}_{seriesNumber}_{(seriesUid is null ? "unknown" : SafeName.ShortHash(seriesUid))}");
        var path = Path.Combine(root,
            SafeName.Of(Text(ds, DicomTag.PatientID)),
            SafeName.Of(Text(ds, DicomTag.StudyInstanceUID)),
            series,
            SafeName.Of(sop) + ".dcm");
        // Defence in depth: SafeName cannot produce a separator or a dot-only name, so this never fires.
        if (!Path.GetFullPath(path).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidInputException($"{instance} would be written outside '{root}' ({path}); refused.");
        return path;
    }

    private static string? Text(DicomDataset ds, DicomTag tag)
    {
        try
        {
            return ds.TryGetString(tag, out var s) && s.Trim() is { Length: > 0 } t ? t : null;
        }
        catch (DicomException)
        {
            return null; // an undecodable value names nothing; the fallback name is used
        }
    }
}
