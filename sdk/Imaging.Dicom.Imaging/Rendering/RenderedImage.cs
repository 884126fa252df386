using Imaging.Dicom.Imaging.Lut;

namespace Imaging.Dicom.Imaging.Rendering;

/// <summary>
/// An 8-bit picture made from a frame: <see cref="Width"/> × <see cref="Height"/> pixels of <see cref="Channels"/>
/// bytes (1 = gray, 3 = RGB), row-major, top row first — what <see cref="PngEncoder"/> writes and notebooks show.
/// </summary>
public sealed class RenderedImage
{
    /// <summary>Wraps pixels.</summary>
    /// <exception cref="ArgumentException">Channels is not 1 or 3, or the pixel count does not match the size.</exception>
    public RenderedImage(int width, int height, int channels, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (channels is not (1 or 3)) throw new ArgumentException($"channels must be 1 (gray) or 3 (RGB), not {channels}.", nameof(channels));
        if (pixels.LongLength != (long)width * height * channels)
            throw new ArgumentException($"{pixels.LongLength} bytes do not make {width} × {height} pixels of {channels} channel(s).", nameof(pixels));
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Bytes per pixel: 1 (gray) or 3 (RGB).</summary>
    public int Channels { get; }

    /// <summary>The pixels, row-major, color-by-pixel.</summary>
    public byte[] Pixels { get; }

    /// <summary>The modality transformation applied (grayscale renderings), or null.</summary>
    public ModalityLut? Modality { get; init; }

    /// <summary>The VOI transformation applied (grayscale renderings), or null for color.</summary>
    public VoiLut? Voi { get; init; }

    /// <summary>The presentation LUT applied (grayscale renderings), or null for color.</summary>
    public PresentationLut? Presentation { get; init; }

    /// <summary>The overlay groups burnt in.</summary>
    public IReadOnlyList<ushort> OverlayGroups { get; init; } = [];

    /// <summary>One pixel's byte (channel 0 for gray).</summary>
    public byte this[int row, int column, int channel = 0] => Pixels[(row * Width + column) * Channels + channel];

    /// <summary>This image as a PNG file's bytes (<see cref="PngEncoder.Encode(RenderedImage)"/>).</summary>
    public byte[] ToPng() => PngEncoder.Encode(this);

    /// <summary>
    /// Writes this image as a PNG file: to a temporary name in the target folder (created when missing), then renamed into
    /// place, so a failure never leaves a half-written file or a damaged one it would have replaced.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    /// <exception cref="IOException"><paramref name="path"/> exists and <paramref name="overwrite"/> is false (checked at the rename, so no race).</exception>
    public void SavePng(string path, bool overwrite = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                PngEncoder.Encode(this, stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
