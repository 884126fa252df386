using System.Security.Cryptography;
using System.Text;
using Imaging.Dicom;

namespace Imaging.Cli.Anonymize;

/// <summary>
/// Where an anonymized instance goes under OUT: <c>StudyInstanceUID/SeriesInstanceUID/SOPInstanceUID.dcm</c>, all taken
/// from the anonymized data set. Input file and folder names are never reused: they often hold the patient's name.
/// A value that is not a UID (PS3.5 §9.1: digits and dots, at most 64 characters) is replaced by its SHA-256, so no
/// odd (or identifying) text reaches a path either.
/// </summary>
internal static class OutputLayout
{
    /// <summary>The temporary files' prefix (hidden, so a partially written output is never taken for a result).</summary>
    public const string TempPrefix = ".imaging-anon-";

    /// <summary>The path relative to OUT, or null with <paramref name="problem"/> set when the data set has no SOP Instance UID.</summary>
    public static string? RelativePath(DicomDataset anonymized, out string? problem)
    {
        problem = null;
        if (!anonymized.TryGetString(DicomTag.SOPInstanceUID, out var sop) || sop.Trim().Length == 0)
        {
            problem = "the anonymized data set has no SOP Instance UID to name its file";
            return null;
        }
        var study = anonymized.TryGetString(DicomTag.StudyInstanceUID, out var s) && s.Trim().Length > 0 ? s : "no-study";
        var series = anonymized.TryGetString(DicomTag.SeriesInstanceUID, out var r) && r.Trim().Length > 0 ? r : "no-series";
        return Path.Join(Safe(study), Safe(series), Safe(sop) + ".dcm");
    }

    /// <summary>
    /// Writes <paramref name="file"/> at <paramref name="path"/> through a hidden temporary file renamed into place, never over an existing
    /// file (<see cref="IOException"/>, checked by the rename itself); on any failure or cancellation the temporary file is removed.
    /// </summary>
    public static void Write(DicomFile file, string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"{TempPrefix}{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                file.Save(stream);
            File.Move(temp, path, overwrite: false);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>Removes temporary files left under <paramref name="root"/> (after a cancelled run); returns how many.</summary>
    public static int RemoveTemporaryFiles(string root)
    {
        if (!Directory.Exists(root)) return 0;
        int removed = 0;
        foreach (var temp in Directory.EnumerateFiles(root, TempPrefix + "*.tmp", SearchOption.AllDirectories))
        {
            try { File.Delete(temp); removed++; }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return removed;
    }

    private static string Safe(string uid)
    {
        var value = uid.Trim().TrimEnd('\0');
        if (value.Length is > 0 and <= 64 && value.All(c => c is >= '0' and <= '9' or '.') && value[0] != '.' && value[^1] != '.') return value;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uid)));
    }
}
