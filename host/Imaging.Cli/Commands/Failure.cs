using Imaging.Dicom;

namespace Imaging.Cli.Commands;

/// <summary>Turns exceptions into the CLI's one-line errors and exit codes (README: errors name file, offset and tag).</summary>
internal static class Failure
{
    public static int Report(Exception ex, string? path, bool verbose, TextWriter stderr)
    {
        string message = ex switch
        {
            DicomFormatException f => f.FilePath is null && path is not null ? $"{path}: {f.Message}" : f.Message,
            FileNotFoundException => $"{path ?? (ex as FileNotFoundException)?.FileName}: no such file",
            DirectoryNotFoundException => $"{path}: no such directory",
            UnauthorizedAccessException => $"{path}: permission denied",
            DicomException d => path is null ? d.Message : $"{path}: {d.Message}",
            IOException io => path is null ? io.Message : $"{path}: {io.Message}",
            _ => path is null ? $"unexpected error: {ex.Message}" : $"{path}: unexpected error: {ex.Message}",
        };
        stderr.WriteLine($"imaging: {message}");
        if (verbose) stderr.WriteLine(ex.ToString());
        return ex is DicomException or IOException or UnauthorizedAccessException ? Program.BadInput : 1;
    }
}
