using System.Globalization;
using Imaging.Dicom.Imaging.Codecs;
using Imaging.Dicom.Imaging.Lut;
using Imaging.Dicom.Imaging.Overlays;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Rendering;

/// <summary>
/// Renders a frame to an 8-bit picture by the grayscale pipeline of PS3.4 §N.2.1 / PS3.3 §C.11: stored values →
/// Modality LUT (<see cref="ModalityLut"/>) → VOI LUT (<see cref="VoiLut"/>, output range 0–255) → Presentation LUT
/// (<see cref="PresentationLut"/>, MONOCHROME1 inverted) → rounded half away from zero to a byte. When neither the
/// options nor the file give a VOI, the window spans the frame's min/max modality values (LINEAR_EXACT, see
/// <see cref="VoiLut.FromRange"/>). Color frames (RGB, YBR_*, PALETTE COLOR) become RGB through
/// <see cref="Frame.ToRgb"/>; samples wider than 8 bits are scaled from [0, 2^Bits Stored − 1] to [0, 255]; VOI options do
/// not apply to them. Overlay planes (PS3.3 §C.9.2) are burnt in last when <see cref="RenderOptions.IncludeOverlays"/>.
/// </summary>
public static class FrameRenderer
{
    /// <summary>Renders frame <see cref="RenderOptions.FrameIndex"/> of <paramref name="file"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The file has no such frame; the message gives the number of frames.</exception>
    /// <exception cref="DicomException">No pixel data, no codec for the transfer syntax, or malformed LUTs/overlays; the message says which.</exception>
    public static RenderedImage Render(DicomFile file, RenderOptions? options = null, PixelCodecRegistry? codecs = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= new RenderOptions();
        var pixels = PixelData.Open(file, codecs);
        if (options.FrameIndex < 0 || options.FrameIndex >= pixels.NumberOfFrames)
            throw new ArgumentOutOfRangeException(nameof(options), options.FrameIndex, string.Create(CultureInfo.InvariantCulture,
                $"frame {options.FrameIndex} is out of range: the image has {pixels.NumberOfFrames} frame{(pixels.NumberOfFrames == 1 ? "" : "s")} (0 to {pixels.NumberOfFrames - 1})."));
        return Render(pixels.GetFrame(options.FrameIndex), file.Dataset, options);
    }

    /// <summary>Renders <paramref name="frame"/>, reading LUTs, palettes and overlays from <paramref name="dataset"/>.</summary>
    /// <param name="frame">A decoded frame.</param>
    /// <param name="dataset">The data set the frame belongs to.</param>
    /// <param name="options">Which frame it is (for per-frame functional groups and overlays), window, overlays.</param>
    /// <exception cref="DicomException">Malformed LUTs, palette or overlays; the message names the attribute.</exception>
    public static RenderedImage Render(Frame frame, DicomDataset dataset, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new RenderOptions();
        var photometric = frame.Format.PhotometricInterpretation.Trim();
        RenderedImage image = frame.SamplesPerPixel == 1 && photometric != "PALETTE COLOR"
            ? RenderGray(frame.ToDoubles(), frame.Rows, frame.Columns, dataset, options)
            : RenderColor(frame.ToRgb(dataset));
        return BurnOverlays(image, dataset, options);
    }

    /// <summary>The grayscale pipeline on stored values (row-major), for frames and for tests on plain arrays.</summary>
    internal static RenderedImage RenderGray(double[] values, int rows, int columns, DicomDataset dataset, RenderOptions options)
    {
        var modality = ModalityLut.FromDataset(dataset, options.FrameIndex);
        modality.Apply(values);
        var voi = options.Window is { } w
            ? VoiLut.FromWindow(w, "the caller")
            : VoiLut.FromDataset(dataset, options.FrameIndex, options.VoiIndex, options.PreferVoiLutSequence) ?? RangeOf(values);
        var presentation = PresentationLut.FromDataset(dataset);
        var pixels = new byte[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double y = presentation.Apply(voi.Apply(values[i], 0, 255), 0, 255);
            pixels[i] = ToByte(y);
        }
        return new RenderedImage(columns, rows, 1, pixels) { Modality = modality, Voi = voi, Presentation = presentation };
    }

    /// <summary>A value in [0, 255] as a byte: rounded half away from zero, clamped; NaN is 0.</summary>
    internal static byte ToByte(double y) =>
        double.IsNaN(y) ? (byte)0 : (byte)Math.Clamp(Math.Round(y, MidpointRounding.AwayFromZero), 0, 255);

    private static VoiLut RangeOf(double[] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return min <= max ? VoiLut.FromRange(min, max) : VoiLut.FromRange(0, 0);
    }

    private static RenderedImage RenderColor(Frame rgb)
    {
        int n = rgb.Rows * rgb.Columns * 3;
        var pixels = new byte[n];
        if (rgb.SampleType == SampleType.UInt8)
        {
            rgb.GetSamples<byte>()[..n].CopyTo(pixels);
        }
        else
        {
            var values = rgb.ToDoubles();
            double max = Math.Pow(2, Math.Clamp(rgb.Format.BitsStored, 1, 32)) - 1;
            for (int i = 0; i < n; i++) pixels[i] = ToByte(values[i] * 255 / max);
        }
        return new RenderedImage(rgb.Columns, rgb.Rows, 3, pixels);
    }

    private static RenderedImage BurnOverlays(RenderedImage image, DicomDataset dataset, RenderOptions options)
    {
        if (!options.IncludeOverlays) return image;
        var planes = OverlayPlane.FromDataset(dataset);
        if (planes.Count == 0) return image;
        var burnt = new List<ushort>();
        foreach (var plane in planes)
        {
            if (plane.OverlayFrameFor(options.FrameIndex) < 0) continue;
            plane.BurnInto(image.Pixels, image.Height, image.Width, image.Channels, options.FrameIndex, options.OverlayValue);
            burnt.Add(plane.Group);
        }
        return new RenderedImage(image.Width, image.Height, image.Channels, image.Pixels)
        {
            Modality = image.Modality,
            Voi = image.Voi,
            Presentation = image.Presentation,
            OverlayGroups = burnt,
        };
    }
}
