using System.Numerics;

namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>The CLR type behind each <see cref="SampleType"/>, and conversions of typed sample arrays to double.</summary>
internal static class SampleTypes
{
    public static Type ClrType(SampleType type) => type switch
    {
        SampleType.UInt8 => typeof(byte),
        SampleType.Int8 => typeof(sbyte),
        SampleType.UInt16 => typeof(ushort),
        SampleType.Int16 => typeof(short),
        SampleType.UInt32 => typeof(uint),
        SampleType.Int32 => typeof(int),
        SampleType.Float32 => typeof(float),
        SampleType.Float64 => typeof(double),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static int Size(SampleType type) => type switch
    {
        SampleType.UInt8 or SampleType.Int8 => 1,
        SampleType.UInt16 or SampleType.Int16 => 2,
        SampleType.UInt32 or SampleType.Int32 or SampleType.Float32 => 4,
        _ => 8,
    };

    /// <summary>A new zeroed array of <paramref name="length"/> samples of <paramref name="type"/>.</summary>
    public static Array Allocate(SampleType type, long length) => Array.CreateInstance(ClrType(type), length);

    // Switches on the element type, not on patterns like "byte[] a": the runtime lets an sbyte[] pass as a byte[]
    // (and short[] as ushort[], int[] as uint[]), which would read signed samples as unsigned.
    public static double ToDouble(Array samples, long index) => Type.GetTypeCode(samples.GetType().GetElementType()) switch
    {
        TypeCode.Byte => ((byte[])samples)[index],
        TypeCode.SByte => ((sbyte[])samples)[index],
        TypeCode.UInt16 => ((ushort[])samples)[index],
        TypeCode.Int16 => ((short[])samples)[index],
        TypeCode.UInt32 => ((uint[])samples)[index],
        TypeCode.Int32 => ((int[])samples)[index],
        TypeCode.Single => ((float[])samples)[index],
        TypeCode.Double => ((double[])samples)[index],
        _ => throw new InvalidOperationException($"{samples.GetType().Name} is not a sample array."),
    };

    public static void ToDoubles(Array samples, Span<double> destination)
    {
        switch (Type.GetTypeCode(samples.GetType().GetElementType()))
        {
            case TypeCode.Byte: Widen((byte[])samples, destination); break;
            case TypeCode.SByte: Widen((sbyte[])samples, destination); break;
            case TypeCode.UInt16: Widen((ushort[])samples, destination); break;
            case TypeCode.Int16: Widen((short[])samples, destination); break;
            case TypeCode.UInt32: Widen((uint[])samples, destination); break;
            case TypeCode.Int32: Widen((int[])samples, destination); break;
            case TypeCode.Single: Widen((float[])samples, destination); break;
            case TypeCode.Double: ((double[])samples).CopyTo(destination); break;
            default: throw new InvalidOperationException($"{samples.GetType().Name} is not a sample array.");
        }
    }

    private static void Widen<T>(T[] samples, Span<double> destination) where T : struct, INumberBase<T>
    {
        for (int i = 0; i < samples.Length; i++) destination[i] = double.CreateTruncating(samples[i]);
    }
}
