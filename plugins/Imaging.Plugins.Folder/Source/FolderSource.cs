using System.Runtime.CompilerServices;
using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Imaging.Plugins.Folder.Source;

/// <summary>
/// The <c>folder</c> source: opens every DICOM file (PS3.10 files with preamble and meta information, or bare data
/// sets) in a file or folder tree, in path order. Files that are not DICOM are logged and skipped; hidden files and
/// folders are not looked at. Values longer than 64 KiB (pixel data) are read from the file when first touched, so
/// a study can be enumerated without loading its pixels; the files must stay unchanged while the instances are used.
/// </summary>
public sealed class FolderSource : IDicomSource
{
    /// <summary>Values longer than this are deferred: read from the file when first touched.</summary>
    public const long DeferValuesLongerThan = 64 * 1024;

    private const string MediaStorageDirectoryStorage = "1.2.840.10008.1.3.10";
    private static readonly DicomTag MediaStorageSopClassUid = new(0x0002, 0x0002);
    private static readonly FileReadOptions ReadOptions = new() { DeferValuesLongerThan = DeferValuesLongerThan };

    private readonly ILogger _logger;

    /// <summary>Creates the source.</summary>
    /// <param name="logger">Where skipped files are reported; nothing is logged when null.</param>
    public FolderSource(ILogger<FolderSource>? logger = null) => _logger = logger ?? NullLogger<FolderSource>.Instance;

    /// <inheritdoc />
    public string Name => "folder";

    /// <inheritdoc />
    public string Description => "Reads DICOM files (PS3.10 or bare data sets) from a file or a folder tree, in path order.";

    /// <summary>True for an existing folder or file (the file's content is checked when it is read).</summary>
    public bool CanRead(string location)
        => !string.IsNullOrWhiteSpace(location) && (Directory.Exists(location) || File.Exists(location));

    /// <summary>Enumerates the instances in <paramref name="location"/> (a file or a folder, recursively), sorted by path.</summary>
    /// <param name="location">A DICOM file or a folder.</param>
    /// <param name="progress">Receives (0, total) first, then one report per candidate file, DICOM or not; the total is the number of candidate files.</param>
    /// <param name="cancellationToken">Stops the enumeration between files.</param>
    /// <exception cref="InvalidInputException">The location does not exist.</exception>
    public async IAsyncEnumerable<DicomInstance> ReadAsync(string location, IProgress<ProgressReport>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        cancellationToken.ThrowIfCancellationRequested();
        var files = CandidateFiles.Find(location);
        progress?.Report(new ProgressReport(0, files.Count, $"{files.Count} files in {location}"));
        for (int i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = await TryOpenAsync(files[i], cancellationToken).ConfigureAwait(false);
            progress?.Report(new ProgressReport(i + 1, files.Count, files[i]));
            if (file is not null) yield return DicomInstance.FromFile(file);
        }
    }

    private async Task<DicomFile?> TryOpenAsync(string path, CancellationToken cancellationToken)
    {
        DicomFile file;
        try
        {
            file = await DicomFile.OpenAsync(path, ReadOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (DicomFormatException e)
        {
            _logger.LogWarning("Skipped {Path}: not a readable DICOM file ({Reason})", path, e.Message);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Skipped {Path}: cannot be read ({Reason})", path, e.Message);
            return null;
        }
        if (file.FileMetaInfo.TryGetString(MediaStorageSopClassUid, out var sopClass) && sopClass == MediaStorageDirectoryStorage)
        {
            _logger.LogInformation("Skipped {Path}: a DICOMDIR (PS3.10 §8), not an instance", path);
            return null;
        }
        if (file.IsPartial)
            _logger.LogWarning("{Path} ends early; the instance holds what could be read", path);
        return file;
    }
}
