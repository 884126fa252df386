using System.Globalization;
using Imaging.Cli.Plugins;
using Imaging.Dicom;
using Imaging.Dicom.Imaging.Conversion;
using Imaging.Sdk.Capabilities;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging export VOLUME_FILE --format dicom --out DIR`: a volume file (NIfTI, or any format a plugin reads) becomes a
/// DICOM series with its geometry (Image Position/Orientation (Patient), Pixel Spacing, Frame of Reference; PS3.3
/// C.7.6.2) through <see cref="VolumeToDicom"/>. The output folder must be new or empty; each file is written to a
/// temporary name and renamed.
/// </summary>
internal static class ExportDicom
{
    public static async Task<int> RunAsync(string source, string target, string modality, string[]? pluginPaths, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!File.Exists(source))
        {
            stderr.WriteLine($"imaging: {source}: --format dicom reads a volume file (e.g. .nii.gz), not a folder");
            return Program.BadInput;
        }
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            stderr.WriteLine($"imaging: {target}: exists and is not an empty folder; export never overwrites");
            return Program.BadInput;
        }
        using var host = HostFactory.Start(pluginPaths);
        var name = Path.GetFileName(source).ToLowerInvariant();
        var format = host.GetRegistry<IVolumeFormat>().FirstOrDefault(f => f.CanRead && f.FileExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)));
        if (format is null)
        {
            stderr.WriteLine($"imaging: {source}: no loaded volume format reads this file name; run 'imaging plugins list' to see the formats");
            return Program.BadInput;
        }
        var volume = await format.ReadAsync(source, null, ct).ConfigureAwait(false);
        var series = VolumeToDicom.CreateSeries(volume, new VolumeToDicomOptions
        {
            Modality = modality,
            SeriesDescription = $"{Path.GetFileName(source)} ({format.Name})",
        });
        Directory.CreateDirectory(target);
        var written = new List<string>();
        try
        {
            for (int k = 0; k < series.Count; k++)
            {
                ct.ThrowIfCancellationRequested();
                var path = Path.Combine(target, string.Create(CultureInfo.InvariantCulture, $"IMG{k + 1:D4}.dcm"));
                new DicomFile(series[k]).Save(path);
                written.Add(path);
            }
        }
        catch
        {
            // All or nothing: a half-converted series would look complete to a PACS or a viewer.
            foreach (var path in written) File.Delete(path);
            throw;
        }
        var g = volume.Geometry;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{target}: {series.Count} {modality} slices of {g.SizeI}x{g.SizeJ}, spacing {g.Spacing.X:0.###}x{g.Spacing.Y:0.###}x{g.Spacing.Z:0.###} mm, from {source}"));
        return 0;
    }
}
