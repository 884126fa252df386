using System.Globalization;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Nifti.Format;
using Imaging.Plugins.Nifti.Orientation;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Imaging.Plugins.Nifti;

/// <summary>
/// The <c>nifti</c> volume format: NIfTI-1 and NIfTI-2 (nifti1.h, nifti2.h). Reads .nii, .nii.gz and .hdr/.img pairs,
/// either byte order, datatypes uint8, int8, int16, uint16, int32, uint32, float32, float64 (int64/uint64 as float64),
/// applying scl_slope/scl_inter (to float32 when not the identity); geometry from the sform (sform_code &gt; 0), else
/// the qform (quaternion with qfac), else pixdim, converted from NIfTI's RAS to DICOM's LPS (x and y negated,
/// PS3.3 §C.7.6.2.1.1). A 4-D file is read one 3-D volume at a time: the first by <see cref="ReadAsync(string, IProgress{ProgressReport}?, CancellationToken)"/>,
/// any by index with <see cref="ReadAsync(string, int, IProgress{ProgressReport}?, CancellationToken)"/>.
/// Writes single-file .nii or .nii.gz (gzip chosen by the name), NIfTI-1 by default, with sform and qform (code 1,
/// scanner) and units mm.
/// </summary>
public sealed class NiftiFormat : IVolumeFormat
{
    private readonly IFileOutput? _output;
    private readonly ILogger _logger;

    /// <summary>Creates the format.</summary>
    /// <param name="output">The host's file output (plugins with <c>filesystem-write</c> get one); without it <see cref="CanWrite"/> is false.</param>
    /// <param name="logger">Where a 4-D file read as its first volume is reported; nothing is logged when null.</param>
    public NiftiFormat(IFileOutput? output = null, ILogger<NiftiFormat>? logger = null)
    {
        _output = output;
        _logger = logger ?? NullLogger<NiftiFormat>.Instance;
    }

    /// <inheritdoc />
    public string Name => "nifti";

    /// <inheritdoc />
    public string Description => "NIfTI-1/NIfTI-2 volumes (.nii, .nii.gz, .hdr/.img), converted between NIfTI RAS and DICOM LPS.";

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = [".nii", ".nii.gz", ".hdr", ".img", ".hdr.gz", ".img.gz"];

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> WriteArguments { get; } =
    [
        new("version", "NIfTI version: 1 (348-byte header) or 2 (540-byte header, 64-bit sizes). Sizes above 32767 need 2; without this argument they get it.", "1"),
        new("description", "Text for the header's descrip field (up to 79 characters).", "Imaging Platform"),
    ];

    /// <inheritdoc />
    public bool CanRead => true;

    /// <inheritdoc />
    public bool CanWrite => _output is not null;

    /// <summary>Reads the first 3-D volume of <paramref name="path"/> (a 4-D file is logged with its volume count).</summary>
    /// <inheritdoc />
    public Task<Volume> ReadAsync(string path, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        ReadAsync(path, 0, progress, cancellationToken);

    /// <summary>Reads 3-D volume <paramref name="volumeIndex"/> of <paramref name="path"/> (the index along dim[4]; 0 for a 3-D file).</summary>
    /// <exception cref="InvalidInputException">Not NIfTI, corrupt, unsupported, or <paramref name="volumeIndex"/> is out of range; the message names the file.</exception>
    public async Task<Volume> ReadAsync(string path, int volumeIndex, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var (header, volume, source) = await NiftiReader.ReadAsync(path, volumeIndex, null, cancellationToken).ConfigureAwait(false);
            if (header.VolumeCount > 1)
                _logger.LogInformation("{Path} holds {Count} volumes (4-D); read volume {Index}", path, header.VolumeCount, volumeIndex);
            _logger.LogDebug("{Path}: NIfTI-{Version}, geometry from {Source}", path, header.Version, source);
            progress?.Report(new ProgressReport(volume.Geometry.SizeK, volume.Geometry.SizeK, path));
            return volume;
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InvalidInputException($"{path}: {Reason(e)}", e);
        }
    }

    /// <summary>What the header of <paramref name="path"/> says (dimensions, datatype, volume count, orientation source).</summary>
    /// <exception cref="InvalidInputException">Not NIfTI or unreadable; the message names the file.</exception>
    public async Task<NiftiFileInfo> ReadInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var h = await NiftiReader.ReadHeaderAsync(path, cancellationToken).ConfigureAwait(false);
            var (_, source) = NiftiOrientation.ToRas(h);
            string type = Enum.IsDefined(h.DataType) ? h.DataType.ToString().ToLowerInvariant() : ((int)h.DataType).ToString(CultureInfo.InvariantCulture);
            return new NiftiFileInfo(h.Version, h.BigEndian, [.. h.Dim.Skip(1).Take((int)h.Dim[0])], type, h.VolumeCount,
                source.ToString().ToLowerInvariant(), h.SformCode, h.QformCode, h.Description);
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{path}: {Reason(e)}", e);
        }
    }

    /// <summary>
    /// Writes <paramref name="volume"/> to <paramref name="path"/> (.nii, or .nii.gz gzipped) atomically through the host's
    /// file output. Arguments: <c>version</c> (1 or 2), <c>description</c>.
    /// </summary>
    /// <inheritdoc />
    public async Task WriteAsync(Volume volume, string path, CapabilityArguments arguments, bool overwrite = false, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(arguments);
        if (_output is null) throw new NotSupportedException("writing NIfTI needs the host's file output (the plugin's filesystem-write permission).");
        cancellationToken.ThrowIfCancellationRequested();
        string lower = path.ToLowerInvariant();
        bool gzip = lower.EndsWith(".nii.gz", StringComparison.Ordinal);
        if (!gzip && !lower.EndsWith(".nii", StringComparison.Ordinal))
            throw new InvalidInputException($"{path}: NIfTI files are written as .nii or .nii.gz (the .hdr/.img pair is read only).");
        var header = NiftiWriter.CreateHeader(volume, Version(arguments, volume.Geometry), arguments.GetString("description") ?? "Imaging Platform");
        long bytesPerSlice = Math.Max(1, (long)volume.Geometry.SizeI * volume.Geometry.SizeJ * header.BitPix / 8);
        int slices = volume.Geometry.SizeK;
        var bytes = progress is null ? null : new SynchronousProgress(b => progress.Report(new ProgressReport(Math.Min(slices, b / bytesPerSlice), slices, path)));
        await _output.WriteAsync(path, (stream, ct) => NiftiWriter.WriteAsync(stream, header, volume, gzip, bytes, ct), overwrite, cancellationToken).ConfigureAwait(false);
    }

    private static int Version(CapabilityArguments arguments, VolumeGeometry g)
    {
        bool large = Math.Max(g.SizeI, Math.Max(g.SizeJ, g.SizeK)) > NiftiWriter.MaxNifti1Size;
        if (arguments.GetString("version") is null) return large ? 2 : 1;
        int version = arguments.GetInt32("version", 1);
        if (version is not (1 or 2)) throw new InvalidInputException($"Argument 'version' must be 1 or 2, not {version}.");
        if (version == 1 && large) throw new InvalidInputException($"a volume of {g.SizeI}×{g.SizeJ}×{g.SizeK} does not fit NIfTI-1 (sizes up to {NiftiWriter.MaxNifti1Size}); use version=2.");
        return version;
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        InvalidDataException => $"not valid gzip data ({e.Message})",
        _ => e.Message,
    };

    /// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (no synchronisation-context hop).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
