using System.Buffers.Binary;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Conversion;

/// <summary>
/// How <see cref="VolumeToDicom"/> stores modality values in 16 bits: as they are when they are integers that fit
/// (signed or unsigned), else linearly mapped onto 0..65535 through Rescale Slope and Intercept (PS3.3 §C.11.1.1.2).
/// </summary>
internal sealed class StoredPixels
{
    private StoredPixels(bool signed, double slope, double intercept)
    {
        Signed = signed;
        Slope = slope;
        Intercept = intercept;
    }

    /// <summary>Pixel Representation 1 (two's complement) when true.</summary>
    public bool Signed { get; }

    /// <summary>The Rescale Slope asked for (the value written, as DS, is read back before encoding).</summary>
    public double Slope { get; }

    /// <summary>The Rescale Intercept asked for.</summary>
    public double Intercept { get; }

    /// <summary>Chooses the storage for voxels of <paramref name="type"/> whose finite values lie in [min, max].</summary>
    public static StoredPixels Choose(SampleType type, Array voxels, double min, double max)
    {
        switch (type)
        {
            case SampleType.Int8 or SampleType.Int16: return new(true, 1, 0);
            case SampleType.UInt8 or SampleType.UInt16: return new(false, 1, 0);
        }
        if (AllIntegers(voxels))
        {
            if (min >= short.MinValue && max <= short.MaxValue) return new(true, 1, 0);
            if (min >= 0 && max <= ushort.MaxValue) return new(false, 1, 0);
        }
        double slope = max > min ? (max - min) / ushort.MaxValue : 1;
        return new(false, slope, min);
    }

    /// <summary>Writes Pixel Representation, Rescale Intercept, Slope and Type.</summary>
    public void AddRescale(DicomDataset ds)
    {
        ds.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)(Signed ? 1 : 0));
        ds.AddOrUpdate(DicomTag.RescaleIntercept, Intercept);
        ds.AddOrUpdate(DicomTag.RescaleSlope, Slope);
        ds.AddOrUpdate(DicomTag.RescaleType, ds.GetSingleValueOrDefault(DicomTag.Modality, "") == "CT" ? "HU" : "US");
    }

    /// <summary>
    /// The Pixel Data bytes (little endian) of <paramref name="count"/> voxels from <paramref name="start"/>, encoded with
    /// the slope and intercept as written in <paramref name="ds"/> (DS holds 16 characters, so those may differ slightly
    /// from <see cref="Slope"/> and <see cref="Intercept"/>; using them makes the decoded values the closest possible).
    /// </summary>
    public byte[] Encode(Array voxels, long start, int count, DicomDataset ds)
    {
        double slope = ds.GetSingleValue<double>(DicomTag.RescaleSlope), intercept = ds.GetSingleValue<double>(DicomTag.RescaleIntercept);
        bool identity = slope == 1 && intercept == 0;
        var bytes = new byte[count * 2];
        for (int n = 0; n < count; n++)
        {
            double v = SampleTypes.ToDouble(voxels, start + n);
            if (!identity) v = double.IsFinite(v) ? Math.Round((v - intercept) / slope) : 0;
            if (Signed) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * n), (short)Math.Clamp(v, short.MinValue, short.MaxValue));
            else BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * n), (ushort)Math.Clamp(v, 0, ushort.MaxValue));
        }
        return bytes;
    }

    private static bool AllIntegers(Array voxels)
    {
        switch (voxels)
        {
            case int[] or uint[]: return true;
            case float[] f:
                foreach (var v in f) if (v != MathF.Round(v)) return false;
                return true;
            case double[] d:
                foreach (var v in d) if (v != Math.Round(v)) return false;
                return true;
            default: return true;
        }
    }
}
