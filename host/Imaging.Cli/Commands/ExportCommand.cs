using System.CommandLine;
using System.Globalization;
using Imaging.Cli.Plugins;
using Imaging.Dicom;
using Imaging.Dicom.Imaging.Codecs;
using Imaging.Dicom.Imaging.Rendering;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging export FILE_OR_DIR --format png|nifti --out PATH`. <c>nifti</c>: the DICOM series in FILE_OR_DIR is built
/// into one volume (slices sorted along their normal, irregularities reported) and written through the host's
/// <c>volume-format</c> capability named <c>nifti</c> (plugin imaging.nifti; never referenced at compile time).
/// <c>png</c>: every frame of every DICOM image in FILE_OR_DIR becomes one PNG in the folder PATH, rendered with the
/// file's own windowing. Never overwrites; each file is written to a temporary name and renamed into place.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("FILE_OR_DIR") { Description = "A DICOM file, or a folder searched recursively (for nifti: one series); for dicom: a volume file such as .nii.gz." };
        var format = new Option<string>("--format", "-f") { Description = "png (one picture per frame), nifti (a series as one volume) or dicom (a volume file as a DICOM series).", Required = true };
        format.AcceptOnlyFromAmong("png", "nifti", "dicom");
        var output = new Option<string>("--out", "-o") { Description = "nifti: the file to write (.nii or .nii.gz). png, dicom: the folder to write into (new or empty).", Required = true };
        var modality = new Option<string>("--modality")
        {
            Description = "dicom: CT or MR gives CT/MR Image Storage (values as HU or MR units), anything else Secondary Capture. Default OT.",
            DefaultValueFactory = _ => "OT",
        };
        var args = new Option<string[]>("--arg") { Description = "A name=value argument for the volume format (repeatable), e.g. version=2.", Arity = ArgumentArity.ZeroOrMore };
        var allowIrregular = new Option<bool>("--allow-irregular")
        {
            Description = "nifti: write the volume even when slices are missing or unevenly spaced (a NIfTI file has one spacing, so slices after a gap sit at the wrong place).",
        };
        var paths = HostFactory.PluginPathOption();
        var cmd = new Command("export", "Export DICOM images as PNG pictures, a DICOM series as a NIfTI volume, or a volume file as a DICOM series.") { input, format, output, args, allowIrregular, modality, paths };
        cmd.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            try
            {
                if (!File.Exists(source) && !Directory.Exists(source))
                {
                    stderr.WriteLine($"imaging: {source}: no such file or directory");
                    return Program.BadInput;
                }
                return parse.GetValue(format) switch
                {
                    "nifti" => await ExportNiftiAsync(source, target, parse.GetValue(args) ?? [], parse.GetValue(allowIrregular), parse.GetValue(paths), stdout, stderr, cancellationToken).ConfigureAwait(false),
                    "dicom" => await ExportDicom.RunAsync(source, target, parse.GetValue(modality)!.ToUpperInvariant(), parse.GetValue(paths), stdout, stderr, cancellationToken).ConfigureAwait(false),
                    _ => ExportPng(source, target, parse.GetValue(paths), stdout, stderr, cancellationToken),
                };
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("imaging: cancelled");
                return 130;
            }
            catch (Exception ex) when (ex is InvalidInputException or VolumeException or CapabilityNotFoundException)
            {
                stderr.WriteLine($"imaging: {ex.Message}");
                if (parse.GetValue(verbose)) stderr.WriteLine(ex.ToString());
                return Program.BadInput;
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, source, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }

    private static async Task<int> ExportNiftiAsync(string source, string target, string[] arguments, bool allowIrregular, string[]? pluginPaths, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (File.Exists(target) || Directory.Exists(target))
        {
            stderr.WriteLine($"imaging: {target}: already exists; export never overwrites");
            return Program.BadInput;
        }
        var formatArguments = CapabilityArguments.Parse(arguments);
        var series = await VolumeSeries.OpenAsync(InputFiles(source), null, ct).ConfigureAwait(false);
        foreach (var finding in series.Report.Findings) stderr.WriteLine($"imaging: {source}: {finding}");
        if (series.Stacks.Count != 1)
        {
            stderr.WriteLine($"imaging: {source}: holds {series.Stacks.Count} volumes; export one series (one folder) at a time");
            foreach (var stack in series.Stacks) stderr.WriteLine($"  {stack}");
            return Program.BadInput;
        }
        // The plugin first: a missing writer is reported before minutes of loading, not after.
        using var host = HostFactory.Start(pluginPaths);
        var formats = host.GetRegistry<IVolumeFormat>();
        if (!formats.TryGet("nifti", out var nifti))
        {
            stderr.WriteLine("imaging: export: no volume format 'nifti' is loaded (plugin imaging.nifti); run 'imaging plugins list' to see what loaded and why not");
            return 1;
        }
        if (!nifti.FileExtensions.Any(e => target.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            stderr.WriteLine($"imaging: {target}: a NIfTI file name ends in {string.Join(" or ", nifti.FileExtensions)}");
            return Program.BadInput;
        }
        var stackToLoad = series.Stacks[0];
        if (!stackToLoad.IsRegular && !allowIrregular)
        {
            stderr.WriteLine($"imaging: {source}: slices are missing or unevenly spaced ({stackToLoad.MissingSliceCount} missing); a NIfTI volume has one spacing, so nothing was written. Use --allow-irregular to write it anyway.");
            return Program.BadInput;
        }
        var load = new LineProgress(stderr, "loading slices", stackToLoad.Slices.Count);
        var volume = await stackToLoad.LoadAsync(new SynchronousProgress<int>(n => load.Report(n)), ct).ConfigureAwait(false);
        var write = new LineProgress(stderr, "writing slices", volume.Geometry.SizeK);
        await nifti.WriteAsync(volume, target, formatArguments, overwrite: false, new SynchronousProgress<ProgressReport>(r => write.Report(r.Completed)), ct).ConfigureAwait(false);
        var g = volume.Geometry;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{target}: {g.SizeI}x{g.SizeJ}x{g.SizeK} {volume.SampleType}, spacing {g.Spacing.X:0.###}x{g.Spacing.Y:0.###}x{g.Spacing.Z:0.###} mm, from {stackToLoad.Slices.Count} slices"));
        return 0;
    }

    private static int ExportPng(string source, string target, string[]? pluginPaths, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (File.Exists(target))
        {
            stderr.WriteLine($"imaging: {target}: is a file; --out for png is a folder");
            return Program.BadInput;
        }
        var root = Directory.Exists(source) ? Path.GetFullPath(source) : Path.GetDirectoryName(Path.GetFullPath(source))!;
        var files = InputFiles(source);
        var jobs = new List<(DicomFile File, int Frames, string Stem)>();
        int skipped = 0;
        foreach (var path in files)
        {
            ct.ThrowIfCancellationRequested();
            DicomFile file;
            // Pixel data stays in the file until its frame is rendered: a folder of any size fits in memory.
            try { file = DicomFile.Open(path, new Imaging.Dicom.IO.FileReadOptions { DeferValuesLongerThan = 4096 }); }
            catch (DicomException) { skipped++; continue; }
            if (!file.Dataset.Contains(DicomTag.PixelData) && !file.Dataset.Contains(DicomTag.FloatPixelData) && !file.Dataset.Contains(DicomTag.DoubleFloatPixelData)) { skipped++; continue; }
            int frames = Math.Max(1, file.Dataset.GetSingleValueOrDefault(DicomTag.NumberOfFrames, 1));
            jobs.Add((file, frames, ImageFileNames.SafeStem(Path.GetRelativePath(root, path))));
        }
        if (jobs.Count == 0)
        {
            stderr.WriteLine($"imaging: {source}: no DICOM image found");
            return Program.BadInput;
        }
        var targets = jobs.SelectMany(j => Enumerable.Range(0, j.Frames).Select(f => Path.Combine(target, j.Frames == 1 ? j.Stem + ".png" : string.Create(CultureInfo.InvariantCulture, $"{j.Stem}_f{f + 1:D4}.png")))).ToList();
        // Two inputs must never map to one picture (the second would fail half-way through the export).
        if (targets.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            stderr.WriteLine($"imaging: {source}: two images would both be written as {clash.Key}; export them separately (nothing written)");
            return Program.BadInput;
        }
        if (targets.FirstOrDefault(File.Exists) is { } existing)
        {
            stderr.WriteLine($"imaging: {existing}: already exists; export never overwrites (nothing written)");
            return Program.BadInput;
        }
        Directory.CreateDirectory(target);
        // A plugin host only when some file needs a codec that is not built in.
        var needsPlugin = jobs.Select(j => j.File.TransferSyntax).FirstOrDefault(t => t.IsEncapsulated && !PixelCodecRegistry.Default.TryGetCodec(t.Uid, out _));
        using var codecs = PixelCodecs.For(needsPlugin ?? DicomTransferSyntax.ExplicitVRLittleEndian, pluginPaths);
        var progress = new LineProgress(stderr, "writing pictures", targets.Count);
        int written = 0;
        foreach (var (file, frames, _) in jobs)
        {
            for (int f = 0; f < frames; f++)
            {
                ct.ThrowIfCancellationRequested();
                RenderedImage image;
                try { image = FrameRenderer.Render(file, new RenderOptions { FrameIndex = f }, codecs.Registry); }
                catch (Exception e) when (e is DicomException or NotSupportedException)
                {
                    throw new InvalidInputException($"{file.FilePath}: frame {f}: {e.Message}", e);
                }
                image.SavePng(targets[written]);
                progress.Report(++written);
            }
        }
        stdout.WriteLine($"{target}: {written} PNG file{(written == 1 ? "" : "s")} from {jobs.Count} image{(jobs.Count == 1 ? "" : "s")}{(skipped > 0 ? $" ({skipped} files without images skipped)" : "")}");
        return 0;
    }

    private static IReadOnlyList<string> InputFiles(string source) =>
        File.Exists(source) ? [source] : [.. Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal)];

    /// <summary>Progress on a terminal: one self-overwriting line on stderr; nothing when stderr is redirected.</summary>
    private sealed class LineProgress(TextWriter stderr, string what, long total)
    {
        private readonly bool _enabled = Collection.Terminal.IsStderr(stderr) && total > 1;

        public void Report(long done)
        {
            if (!_enabled) return;
            stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r{what}: {done}/{total}"));
            if (done >= total) stderr.Write("\r" + new string(' ', what.Length + 24) + "\r");
        }
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
