namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// One decoded frame: Rows × Columns × Samples per Pixel samples, color-by-pixel (planar data is interleaved on
/// decode), each sample in its own element of a typed array (<see cref="SampleType"/>), values as stored — masked to
/// Bits Stored and sign-extended when signed (PS3.5 §8.1.1, PS3.3 §C.7.6.3.1). The photometric interpretation is
/// unchanged (a YBR frame holds Y, Cb, Cr): see <see cref="ToRgb"/>.
/// </summary>
public sealed class Frame
{
    /// <summary>Wraps decoded samples. <paramref name="samples"/> must be a <c>T[]</c> matching <see cref="PixelFormat.SampleType"/>.</summary>
    /// <exception cref="ArgumentException">The array's element type or length does not match <paramref name="format"/>.</exception>
    public Frame(PixelFormat format, Array samples)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(samples);
        var expected = SampleTypes.ClrType(format.SampleType);
        if (samples.GetType() != expected.MakeArrayType())
            throw new ArgumentException($"a {format.SampleType} frame holds {expected.Name}[], not {samples.GetType().Name}.", nameof(samples));
        if (samples.Length != format.SampleCount)
            throw new ArgumentException($"a frame of {format.Rows}×{format.Columns}×{format.SamplesPerPixel} samples needs {format.SampleCount} of them, not {samples.Length}.", nameof(samples));
        Format = format;
        Samples = samples;
    }

    /// <summary>The format this frame was decoded from.</summary>
    public PixelFormat Format { get; }

    /// <summary>Rows.</summary>
    public int Rows => Format.Rows;

    /// <summary>Columns.</summary>
    public int Columns => Format.Columns;

    /// <summary>Samples per pixel after decoding (3 for YBR_FULL_422, which is upsampled).</summary>
    public int SamplesPerPixel => Format.SamplesPerPixel;

    /// <summary>The element type of <see cref="Samples"/>.</summary>
    public SampleType SampleType => Format.SampleType;

    /// <summary>The samples: a <c>byte[]</c>, <c>short[]</c>, … as <see cref="SampleType"/> says; row-major, color-by-pixel.</summary>
    public Array Samples { get; }

    /// <summary>The samples as a span of <typeparamref name="T"/>, which must match <see cref="SampleType"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the frame's element type; the message names both.</exception>
    public ReadOnlySpan<T> GetSamples<T>() where T : unmanaged =>
        typeof(T) == Samples.GetType().GetElementType()
            ? (T[])Samples
            : throw new InvalidOperationException($"the frame holds {SampleType} samples ({Samples.GetType().GetElementType()!.Name}), not {typeof(T).Name}.");

    /// <summary>One sample as a double.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The row, column or sample is outside the frame.</exception>
    public double GetValue(int row, int column, int sample = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, SamplesPerPixel);
        long index = ((long)row * Columns + column) * SamplesPerPixel + sample;
        return SampleTypes.ToDouble(Samples, index);
    }

    /// <summary>All samples converted to double, in order.</summary>
    public double[] ToDoubles()
    {
        var result = new double[Samples.Length];
        SampleTypes.ToDoubles(Samples, result);
        return result;
    }

    /// <summary>
    /// This frame as 8-or-16-bit RGB: PALETTE COLOR through its (possibly segmented) palette (PS3.3 §C.7.6.3.1.5, §C.7.9),
    /// YBR_FULL / YBR_FULL_422 by the PS3.3 §C.7.6.3.1.2 equations (as pydicom's <c>convert_color_space</c>); RGB
    /// returned as is; YBR_ICT / YBR_RCT, which JPEG 2000 decoders return as RGB, relabelled.
    /// </summary>
    /// <param name="dataset">The data set holding the palette descriptors and data, needed for PALETTE COLOR.</param>
    /// <exception cref="DicomException">The frame is monochrome, or the palette is missing or malformed.</exception>
    public Frame ToRgb(DicomDataset? dataset = null) => Format.PhotometricInterpretation switch
    {
        "RGB" => this,
        "PALETTE COLOR" => Palette.FromDataset(dataset ?? throw new DicomException("PALETTE COLOR: the data set holding the palette (PS3.3 §C.7.9) is needed to convert to RGB.")).Apply(this),
        "YBR_FULL" or "YBR_FULL_422" => YbrConversion.ToRgb(this),
        // JPEG 2000 decoders undo the irreversible/reversible component transform (PS3.5 §8.2.4), so decoded
        // YBR_ICT / YBR_RCT frames already hold R, G, B.
        "YBR_ICT" or "YBR_RCT" => new Frame(Format with { PhotometricInterpretation = "RGB" }, Samples),
        var other => throw new DicomException($"a {other} frame cannot be converted to RGB (RGB, PALETTE COLOR, YBR_FULL and YBR_FULL_422 can; PS3.3 §C.7.6.3.1.2)."),
    };
}
