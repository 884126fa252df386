using System.CommandLine;
using System.Globalization;
using Imaging.Cli.Plugins;
using Imaging.Dicom;
using Imaging.Dicom.Imaging.Lut;
using Imaging.Dicom.Imaging.Rendering;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging render FILE`: one frame to a PNG through the grayscale pipeline (Modality LUT → VOI LUT → Presentation LUT,
/// PS3.3 §C.11) or as RGB for color images, overlays burnt in. Never overwrites without --force; writes a temporary
/// file beside the output and renames it, so a failed run leaves no half-written PNG.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "A DICOM file with pixel data." };
        var frame = new Option<int>("--frame") { Description = "The frame to render, from 0 (multi-frame images).", DefaultValueFactory = _ => 0 };
        var window = new Option<string?>("--window")
        {
            Description = "Window center and width, e.g. 40,400 (soft tissue) or 400,1800 (bone), in modality units (HU for CT). "
                + "Default: the file's first Window Center/Width (or VOI LUT), else the frame's min..max.",
        };
        var output = new Option<string?>("--out", "-o") { Description = "The PNG to write. Default: the file name (without .dcm) + .png in the current directory." };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists." };
        var noOverlays = new Option<bool>("--no-overlays") { Description = "Do not burn overlay planes (60xx) into the picture." };
        var pluginPaths = HostFactory.PluginPathOption();
        var cmd = new Command("render",
            "Render one frame of a DICOM image to PNG (8-bit gray through Modality/VOI/Presentation LUTs, or RGB for color images), "
            + "with overlays burnt in white. Prints the path written and the window used.")
        {
            file, frame, window, output, force, noOverlays, pluginPaths,
        };
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (parse.GetValue(frame) < 0)
            {
                stderr.WriteLine($"imaging: --frame must be 0 or more, not {parse.GetValue(frame)}");
                return Program.BadInput;
            }
            VoiWindow? voi = null;
            if (parse.GetValue(window) is { } text)
            {
                try
                {
                    voi = VoiWindow.Parse(text);
                }
                catch (FormatException ex)
                {
                    stderr.WriteLine($"imaging: --window {ex.Message}");
                    return Program.BadInput;
                }
            }
            var outPath = Path.GetFullPath(parse.GetValue(output) ?? ImageFileNames.Stem(Path.GetFileName(path)) + ".png");
            try
            {
                if (File.Exists(outPath) && !parse.GetValue(force))
                {
                    stderr.WriteLine($"imaging: {outPath}: already exists; use --force to overwrite it");
                    return Program.BadInput;
                }
                var dicom = DicomFile.Open(path);
                using var codecs = PixelCodecs.For(dicom.TransferSyntax, parse.GetValue(pluginPaths));
                var ds = dicom.Dataset;
                if (!ds.Contains(DicomTag.PixelData) && !ds.Contains(DicomTag.FloatPixelData) && !ds.Contains(DicomTag.DoubleFloatPixelData))
                {
                    stderr.WriteLine($"imaging: {path}: no pixel data (7FE0,0010): nothing to render");
                    return Program.BadInput;
                }
                var options = new RenderOptions { FrameIndex = parse.GetValue(frame), Window = voi, IncludeOverlays = !parse.GetValue(noOverlays) };
                RenderedImage image;
                try
                {
                    image = FrameRenderer.Render(dicom, options, codecs.Registry);
                }
                catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "options")
                {
                    stderr.WriteLine($"imaging: {path}: {ex.Message.Split(" (Parameter")[0]}");
                    return Program.BadInput;
                }
                image.SavePng(outPath, parse.GetValue(force));
                stdout.WriteLine(outPath);
                stdout.WriteLine(Describe(image, options.FrameIndex));
                return 0;
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, path, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }

    private static string Describe(RenderedImage image, int frame)
    {
        var kind = image.Channels == 1 ? "gray" : "RGB";
        var window = image.Voi is { } v ? $"window {v} (from {v.Origin})" : "no window (color image)";
        var overlays = image.OverlayGroups.Count == 0 ? "" : $", overlays {string.Join(", ", image.OverlayGroups.Select(g => g.ToString("X4", CultureInfo.InvariantCulture)))}";
        return string.Create(CultureInfo.InvariantCulture, $"{image.Width}x{image.Height} {kind}, frame {frame}, {window}{overlays}");
    }
}
