using Imaging.Dicom;
using Imaging.Dicom.Imaging.Codecs;
using Imaging.Dicom.Imaging.Lut;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Rendering;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;

namespace Imaging.Scripting;

// Pixels, pictures and volumes for scripts (≈ MATLAB dicomread pixel output, imshow/imwrite, dicomreadVolume,
// medicalVolume). Names avoid the type names scripts use (Frame, Volume), so `Volume v = LoadVolume("ct");` compiles.
public partial class ScriptGlobals
{
    /// <summary>Volume filters by name (e.g. <c>VolumeFilters["gaussian"]</c>).</summary>
    public ICapabilityRegistry<IVolumeFilter> VolumeFilters => RunningHost.GetRegistry<IVolumeFilter>();

    /// <summary>Volume file formats by name (e.g. <c>VolumeFormats["nifti"]</c>).</summary>
    public ICapabilityRegistry<IVolumeFormat> VolumeFormats => RunningHost.GetRegistry<IVolumeFormat>();

    /// <summary>
    /// The frames of <paramref name="file"/>'s pixel data, decoded on demand. Native and RLE data need no plugin; other
    /// compressed transfer syntaxes use the codec plugins (the plugin host starts only then).
    /// </summary>
    public PixelData Pixels(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return PixelData.Open(file, CodecsFor(file.TransferSyntax));
    }

    /// <summary>Frame <paramref name="index"/> (from 0) of the image in <paramref name="path"/>: typed samples as stored (≈ dicomread).</summary>
    public Frame ReadFrame(string path, int index = 0) => Pixels(Open(path)).GetFrame(index);

    /// <summary>
    /// Renders frame <paramref name="frame"/> of <paramref name="file"/> as the screen would show it: Modality LUT → VOI
    /// (the file's window, or <paramref name="window"/> given as <c>"C,W"</c>, e.g. <c>"40,400"</c>) → Presentation LUT,
    /// overlays burnt in; color images as RGB.
    /// </summary>
    public RenderedImage Render(DicomFile file, int frame = 0, string? window = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var options = new RenderOptions { FrameIndex = frame, Window = window is null ? null : VoiWindow.Parse(window) };
        return FrameRenderer.Render(file, options, CodecsFor(file.TransferSyntax));
    }

    /// <summary>Renders frame <paramref name="frame"/> of the image in <paramref name="path"/> (see <see cref="Render(DicomFile, int, string?)"/>).</summary>
    public RenderedImage Render(string path, int frame = 0, string? window = null) => Render(Open(path), frame, window);

    /// <summary>
    /// Writes <paramref name="image"/> as a PNG to <paramref name="path"/> (relative to the working folder) and returns the
    /// full path. Written to a temporary name and renamed, so a failure leaves nothing half-written; an existing file is
    /// replaced only with <paramref name="overwrite"/>.
    /// </summary>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false.</exception>
    public string SavePng(RenderedImage image, string path, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(image);
        var full = PathOf(path);
        image.SavePng(full, overwrite);
        return full;
    }

    /// <summary>
    /// Reads the headers of every DICOM file under <paramref name="folder"/> and groups them into volumes (≈ MATLAB
    /// medicalVolume / dicomreadVolume): slices sorted along their normal; <see cref="VolumeSeries.Report"/> lists
    /// irregular spacing, gantry tilt, missing slices, mixed orientations and multiple volumes (4-D), and each of
    /// <see cref="VolumeSeries.Stacks"/> loads on its own. Pixel data is read only by <c>Load</c>.
    /// </summary>
    public VolumeSeries OpenVolumes(string folder) => VolumeSeries.Open(FilePaths(folder), null, CancellationToken);

    /// <summary>
    /// Loads the one volume under <paramref name="folder"/> (a series folder), with modality values (e.g. HU) in a
    /// typed array and its patient geometry. Findings (irregular spacing, tilt) are logged.
    /// </summary>
    /// <exception cref="VolumeException">The folder holds several volumes (they are listed: use <see cref="OpenVolumes"/> and pick one) or none.</exception>
    public Volume LoadVolume(string folder) => LoadOne(OpenVolumes(folder), PathOf(folder));

    /// <summary>Loads <paramref name="series"/> as one volume (see <see cref="LoadVolume(string)"/>).</summary>
    public Volume LoadVolume(DicomSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return LoadOne(VolumeSeries.FromFiles(series.Instances), $"series {series.SeriesInstanceUid}");
    }

    /// <summary>Applies volume filter <paramref name="name"/> with <c>name=value</c> arguments (e.g. <c>Filter(ct, "gaussian", "sigma=1.5")</c>).</summary>
    public Task<Volume> Filter(Volume volume, string name, params string[] arguments)
        => VolumeFilters[name].ApplyAsync(volume, CapabilityArguments.Parse(arguments), null, CancellationToken);

    /// <summary>
    /// Writes <paramref name="volume"/> to <paramref name="path"/> in the volume format its extension names (e.g.
    /// <c>.nii.gz</c> → NIfTI), with <c>name=value</c> format arguments; never over an existing file. Returns the full path.
    /// </summary>
    public async Task<string> SaveVolume(Volume volume, string path, params string[] arguments)
    {
        var full = PathOf(path);
        await FormatFor(full).WriteAsync(volume, full, CapabilityArguments.Parse(arguments), overwrite: false, null, CancellationToken).ConfigureAwait(false);
        return full;
    }

    /// <summary>Reads a volume file (e.g. NIfTI) in patient (LPS) coordinates, the format chosen by its extension.</summary>
    public Task<Volume> ReadVolume(string path)
    {
        var full = PathOf(path);
        return FormatFor(full).ReadAsync(full, null, CancellationToken);
    }

    private IVolumeFormat FormatFor(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return VolumeFormats.Where(f => f.FileExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)))
                   .OrderByDescending(f => f.FileExtensions.Where(e => name.EndsWith(e, StringComparison.Ordinal)).Max(e => e.Length))
                   .FirstOrDefault()
               ?? throw new Imaging.Sdk.InvalidInputException(
                   $"{path}: no loaded volume format handles this file name (formats: {string.Join(", ", VolumeFormats.Select(f => $"{f.Name} {string.Join("/", f.FileExtensions)}"))}).");
    }

    private Volume LoadOne(VolumeSeries series, string what)
    {
        foreach (var finding in series.Report.Findings) Log($"{what}: {finding}");
        return series.Stacks.Count switch
        {
            1 => series.Stacks[0].Load(null, CancellationToken),
            0 => throw new VolumeException($"{what}: no image slices found."),
            _ => throw new VolumeException($"{what}: holds {series.Stacks.Count} volumes ({string.Join("; ", series.Stacks)}); use OpenVolumes(...).Stacks[n].Load()."),
        };
    }

    private IEnumerable<string> FilePaths(string folder)
    {
        var root = PathOf(folder);
        if (File.Exists(root)) return [root];
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root}: no such folder");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal);
    }

    /// <summary>The built-in codecs when they decode <paramref name="transferSyntax"/>; else the built-ins plus the codec plugins.</summary>
    private PixelCodecRegistry CodecsFor(DicomTransferSyntax transferSyntax)
        => !transferSyntax.IsEncapsulated || PixelCodecRegistry.Default.TryGetCodec(transferSyntax.Uid, out _)
            ? PixelCodecRegistry.Default
            : RunningHost.CreateCodecRegistry();
}
