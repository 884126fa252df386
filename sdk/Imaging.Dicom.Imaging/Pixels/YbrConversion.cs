namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// YBR_FULL (and YBR_FULL_422, already upsampled on decode) to RGB by the PS3.3 §C.7.6.3.1.2 equations, computed in
/// single precision and rounded half up then clamped, as pydicom's <c>convert_color_space</c> does, so 8-bit results
/// match it exactly. Samples wider than 8 bits use the same equations with the chroma offset 2^(Bits Stored − 1).
/// </summary>
internal static class YbrConversion
{
    private const float CrToR = 1.402f;
    private static readonly float CbToG = (float)(-0.114 * 1.772 / 0.587);
    private static readonly float CrToG = (float)(-0.299 * 1.402 / 0.587);
    private const float CbToB = 1.772f;

    public static Frame ToRgb(Frame frame)
    {
        var format = frame.Format;
        if (format.SamplesPerPixel != 3 || format.SampleType is not (SampleType.UInt8 or SampleType.UInt16))
            throw new DicomException($"{format.PhotometricInterpretation}: RGB conversion needs 3 unsigned samples of 8 or 16 bits per pixel, not {format.SamplesPerPixel} of {format.SampleType}.");
        int bits = Math.Min(format.BitsStored, format.SampleType == SampleType.UInt8 ? 8 : 16);
        float offset = 1 << (bits - 1);
        float max = (1 << bits) - 1;
        var rgbFormat = format with { PhotometricInterpretation = "RGB", PlanarConfiguration = 0 };
        var samples = frame.ToDoubles();
        Array result = SampleTypes.Allocate(format.SampleType, samples.Length);
        for (int i = 0; i < samples.Length; i += 3)
        {
            float y = (float)samples[i], cb = (float)samples[i + 1] - offset, cr = (float)samples[i + 2] - offset;
            Store(result, i, Round(y + cr * CrToR, max));
            Store(result, i + 1, Round(y + cb * CbToG + cr * CrToG, max));
            Store(result, i + 2, Round(y + cb * CbToB, max));
        }
        return new Frame(rgbFormat, result);
    }

    private static float Round(float value, float max) => Math.Clamp(MathF.Floor(value + 0.5f), 0f, max);

    private static void Store(Array samples, int index, float value)
    {
        if (samples is byte[] b) b[index] = (byte)value;
        else ((ushort[])samples)[index] = (ushort)value;
    }
}
