using System.Numerics;
using System.Runtime.InteropServices;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// Applies Rescale Slope/Intercept (PS3.3 §C.11.1.1.2: modality value = stored × slope + intercept) in place: the stored
/// samples were decoded into the front of the slice's own bytes and are widened into the voxel type from the back, so
/// no slice is copied through a second buffer.
/// </summary>
internal static class VoxelConversion
{
    /// <summary>Thrown when a slice's modality values do not fit 16-bit integers; the loader falls back to float32.</summary>
    internal sealed class Int16OverflowException(string message) : Exception(message);

    /// <summary>Converts <paramref name="count"/> samples of <paramref name="stored"/> type at the start of <paramref name="slice"/> into voxels of <paramref name="output"/> type filling it.</summary>
    public static void Apply(Span<byte> slice, int count, SampleType stored, SampleType output, double slope, double intercept, string where)
    {
        switch (output)
        {
            case SampleType.Int16:
                ToInt16(slice, count, stored, slope, intercept, where);
                break;
            case SampleType.Float32:
                var f = MemoryMarshal.Cast<byte, float>(slice)[..count];
                switch (stored)
                {
                    case SampleType.UInt8: Widen<byte, float>(slice, f, count, slope, intercept); break;
                    case SampleType.Int8: Widen<sbyte, float>(slice, f, count, slope, intercept); break;
                    case SampleType.UInt16: Widen<ushort, float>(slice, f, count, slope, intercept); break;
                    case SampleType.Int16: Widen<short, float>(slice, f, count, slope, intercept); break;
                    case SampleType.UInt32: Widen<uint, float>(slice, f, count, slope, intercept); break;
                    case SampleType.Int32: Widen<int, float>(slice, f, count, slope, intercept); break;
                    case SampleType.Float32: Widen<float, float>(slice, f, count, slope, intercept); break;
                    default: throw new InvalidOperationException($"cannot convert {stored} samples to {output} in place.");
                }
                break;
            case SampleType.Float64:
                var d = MemoryMarshal.Cast<byte, double>(slice)[..count];
                switch (stored)
                {
                    case SampleType.UInt8: Widen<byte, double>(slice, d, count, slope, intercept); break;
                    case SampleType.Int8: Widen<sbyte, double>(slice, d, count, slope, intercept); break;
                    case SampleType.UInt16: Widen<ushort, double>(slice, d, count, slope, intercept); break;
                    case SampleType.Int16: Widen<short, double>(slice, d, count, slope, intercept); break;
                    case SampleType.UInt32: Widen<uint, double>(slice, d, count, slope, intercept); break;
                    case SampleType.Int32: Widen<int, double>(slice, d, count, slope, intercept); break;
                    case SampleType.Float32: Widen<float, double>(slice, d, count, slope, intercept); break;
                    case SampleType.Float64: Widen<double, double>(slice, d, count, slope, intercept); break;
                    default: throw new InvalidOperationException($"cannot convert {stored} samples to {output} in place.");
                }
                break;
            default:
                throw new InvalidOperationException($"voxels of {output} are not produced by the volume loader.");
        }
    }

    /// <summary>From the last sample to the first, so a wider destination never overwrites a sample not yet read.</summary>
    private static void Widen<TIn, TOut>(Span<byte> bytes, Span<TOut> destination, int count, double slope, double intercept)
        where TIn : unmanaged, INumberBase<TIn> where TOut : unmanaged, IFloatingPointIeee754<TOut>
    {
        var source = MemoryMarshal.Cast<byte, TIn>(bytes)[..count];
        bool identity = slope == 1 && intercept == 0;
        TOut s = TOut.CreateChecked(slope), c = TOut.CreateChecked(intercept);
        for (int i = count - 1; i >= 0; i--)
        {
            var v = TOut.CreateTruncating(source[i]);
            destination[i] = identity ? v : v * s + c;
        }
    }

    private static void ToInt16(Span<byte> bytes, int count, SampleType stored, double slope, double intercept, string where)
    {
        if (stored is SampleType.Int16 or SampleType.UInt16)
        {
            var u = MemoryMarshal.Cast<byte, ushort>(bytes)[..count];
            if (slope == 1 && intercept == 0 && stored == SampleType.Int16) return;
            if (slope != Math.Round(slope) || intercept != Math.Round(intercept))
                throw new Int16OverflowException($"{where}: Rescale Slope {slope} / Intercept {intercept} are not integers");
            // One pass: the stored range is taken while the values are rescaled. Arithmetic modulo 2^16 on the stored
            // bits gives the exact result whenever it fits int16, signed or unsigned samples alike; when the range
            // shows it does not fit, the slice is refused and the loader starts again in float32.
            var (lo, hi) = stored == SampleType.Int16
                ? RescaleInPlace<short>(MemoryMarshal.Cast<ushort, short>(u), u, slope, intercept)
                : RescaleInPlace<ushort>(u, u, slope, intercept);
            Check(lo, hi, slope, intercept, where);
            return;
        }
        if (stored is SampleType.UInt8 or SampleType.Int8)
        {
            var dst = MemoryMarshal.Cast<byte, short>(bytes)[..count];
            double lo = double.MaxValue, hi = double.MinValue;
            for (int i = 0; i < count; i++)
            {
                double v = stored == SampleType.UInt8 ? bytes[i] : (sbyte)bytes[i];
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
            Check(lo, hi, slope, intercept, where);
            for (int i = count - 1; i >= 0; i--)
            {
                double v = stored == SampleType.UInt8 ? bytes[i] : (sbyte)bytes[i];
                dst[i] = (short)(v * slope + intercept);
            }
            return;
        }
        throw new InvalidOperationException($"{where}: {stored} samples cannot be loaded as Int16 voxels; use Float32.");
    }

    private static void Check(double lo, double hi, double slope, double intercept, string where)
    {
        if (lo > hi) return; // empty
        double a = lo * slope + intercept, b = hi * slope + intercept;
        if (Math.Min(a, b) < short.MinValue || Math.Max(a, b) > short.MaxValue)
            throw new Int16OverflowException($"{where}: modality values {Math.Min(a, b)} … {Math.Max(a, b)} (stored {lo} … {hi} × {slope} + {intercept}) do not fit 16-bit integers");
        if (slope != Math.Round(slope) || intercept != Math.Round(intercept))
            throw new Int16OverflowException($"{where}: Rescale Slope {slope} / Intercept {intercept} are not integers");
    }

    /// <summary>Rescales <paramref name="bits"/> in place (modulo 2^16) and returns the range of the values as <typeparamref name="T"/> before.</summary>
    private static (double Min, double Max) RescaleInPlace<T>(ReadOnlySpan<T> values, Span<ushort> bits, double slope, double intercept)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        if (values.IsEmpty) return (1, 0);
        ushort s = unchecked((ushort)(long)slope), c = unchecked((ushort)(long)intercept);
        bool identity = s == 1 && c == 0;
        T lo = T.MaxValue, hi = T.MinValue;
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
        {
            var vlo = new Vector<T>(T.MaxValue);
            var vhi = new Vector<T>(T.MinValue);
            var vs = new Vector<ushort>(s);
            var vc = new Vector<ushort>(c);
            var typed = MemoryMarshal.Cast<T, Vector<T>>(values);
            var raw = MemoryMarshal.Cast<ushort, Vector<ushort>>(bits);
            for (int v = 0; v < typed.Length; v++)
            {
                var x = typed[v];
                vlo = Vector.Min(vlo, x);
                vhi = Vector.Max(vhi, x);
                if (!identity) raw[v] = raw[v] * vs + vc;
            }
            for (int k = 0; k < Vector<T>.Count; k++)
            {
                lo = T.Min(lo, vlo[k]);
                hi = T.Max(hi, vhi[k]);
            }
            i = typed.Length * Vector<T>.Count;
        }
        for (; i < values.Length; i++)
        {
            lo = T.Min(lo, values[i]);
            hi = T.Max(hi, values[i]);
            if (!identity) bits[i] = unchecked((ushort)(bits[i] * s + c));
        }
        return (double.CreateTruncating(lo), double.CreateTruncating(hi));
    }
}
