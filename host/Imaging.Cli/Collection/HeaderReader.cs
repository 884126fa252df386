using Imaging.Dicom;
using Imaging.Dicom.IO;

namespace Imaging.Cli.Collection;

/// <summary>
/// Reads the header of one file for the collection: everything before Pixel Data (PS3.5 §7.1), leniently, with long
/// values left on disk. A DICOMDIR (Media Storage SOP Class 1.2.840.10008.1.3.10, PS3.10 §8) is reported as such; a file
/// that is not DICOM, cannot be opened, or ends before its header does, is unreadable with a one-line reason.
/// </summary>
internal static class HeaderReader
{
    private const string MediaStorageDirectory = "1.2.840.10008.1.3.10";

    private static readonly FileReadOptions Options = new()
    {
        StopBeforePixelData = true,
        DeferValuesLongerThan = 16 * 1024,
    };

    public static FileOutcome Read(string path)
    {
        DicomFile file;
        try
        {
            file = DicomFile.Open(path, Options);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return FileOutcome.Unreadable(new UnreadableFile(path, Reason(ex, path)) { Exception = ex });
        }

        if (IsDicomDir(file)) return FileOutcome.Directory();
        if (Truncation(file) is { } cut) return FileOutcome.Unreadable(new UnreadableFile(path, $"truncated: {cut}"));

        var ds = file.Dataset;
        var ts = file.TransferSyntax;
        int? seriesNumber = ds.TryGetValue(DicomTag.SeriesNumber, 0, out int n) ? n : null;
        int frames = ds.GetSingleValueOrDefault(DicomTag.NumberOfFrames, 1);
        return FileOutcome.Read(new InstanceSummary(
            path,
            Text(ds, DicomTag.PatientID),
            Text(ds, DicomTag.PatientName),
            Text(ds, DicomTag.StudyInstanceUID),
            Text(ds, DicomTag.StudyDate),
            Text(ds, DicomTag.SeriesInstanceUID),
            seriesNumber,
            Text(ds, DicomTag.Modality),
            Text(ds, DicomTag.SeriesDescription),
            frames < 0 ? 1 : frames,
            ds.GetSingleValueOrDefault(DicomTag.Rows, 0),
            ds.GetSingleValueOrDefault(DicomTag.Columns, 0),
            ts.Uid,
            ts.Name));
    }

    /// <summary>The reader's message without the leading "path: " (the collection shows the path in its own column).</summary>
    public static string Reason(Exception ex, string path)
    {
        string message = ex switch
        {
            FileNotFoundException => "no such file (a broken symbolic link?)",
            DirectoryNotFoundException => "no such directory",
            UnauthorizedAccessException => "permission denied",
            DicomException or IOException => ex.Message,
            _ => $"unexpected error: {ex.GetType().Name}: {ex.Message}",
        };
        if (message.StartsWith(path + ": ", StringComparison.Ordinal)) message = message[(path.Length + 2)..];
        else
        {
            var full = Path.GetFullPath(path);
            if (message.StartsWith(full + ": ", StringComparison.Ordinal)) message = message[(full.Length + 2)..];
        }
        return OneLine(message);
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();

    private static bool IsDicomDir(DicomFile file) =>
        file.FileMetaInfo.TryGetString(DicomTag.MediaStorageSOPClassUID, out var sopClass) && sopClass == MediaStorageDirectory
        || file.Dataset.TryGetString(DicomTag.SOPClassUID, out var own) && own == MediaStorageDirectory
        || file.Dataset.Contains(DicomTag.DirectoryRecordSequence);

    /// <summary>
    /// The warning that says the input ended inside the header, if any. Lenient reading keeps what it could read of a
    /// cut file and marks it partial; stopping before Pixel Data marks it partial too, so the warnings tell them apart.
    /// </summary>
    private static string? Truncation(DicomFile file)
    {
        if (!file.IsPartial) return null;
        foreach (var w in file.Warnings)
        {
            if (w.Message.Contains("input ends", StringComparison.Ordinal)) return OneLine(w.ToString());
        }
        return null;
    }

    private static string Text(DicomDataset ds, DicomTag tag)
    {
        try
        {
            return ds.TryGetString(tag, out var value) ? value.Trim() : "";
        }
        catch (DicomException)
        {
            return "";
        }
    }
}
