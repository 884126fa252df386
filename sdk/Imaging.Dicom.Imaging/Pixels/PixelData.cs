using System.Runtime.InteropServices;
using Imaging.Dicom.Imaging.Codecs;

namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// The frames of a data set's pixel data element, native or encapsulated (PS3.5 §8.1, §8.2, Annex A.4), decoded on
/// demand: native frames are sliced out (big endian byte-swapped, 1-bit unpacked, planar interleaved), encapsulated
/// ones go through a codec from a <see cref="PixelCodecRegistry"/>.
/// </summary>
public sealed class PixelData
{
    private readonly NativeFrameReader? _native;
    private readonly EncapsulatedFrames? _encapsulated;

    private PixelData(PixelFormat format, DicomTransferSyntax transferSyntax, NativeFrameReader? native, EncapsulatedFrames? encapsulated)
    {
        Format = format;
        TransferSyntax = transferSyntax;
        _native = native;
        _encapsulated = encapsulated;
    }

    /// <summary>Opens the pixel data of a file, using its transfer syntax.</summary>
    /// <exception cref="DicomException">The data set has no pixel data or describes it inconsistently (message names the attribute).</exception>
    public static PixelData Open(DicomFile file, PixelCodecRegistry? codecs = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Open(file.Dataset, file.TransferSyntax, codecs);
    }

    /// <summary>Opens the pixel data of a data set encoded in <paramref name="transferSyntax"/>.</summary>
    /// <param name="dataset">The data set with Image Pixel attributes and a pixel data element.</param>
    /// <param name="transferSyntax">How the pixel data is encoded.</param>
    /// <param name="codecs">Codecs for encapsulated data; <see cref="PixelCodecRegistry.Default"/> (RLE) when null.</param>
    /// <exception cref="DicomException">The data set has no pixel data or describes it inconsistently (message names the attribute).</exception>
    public static PixelData Open(DicomDataset dataset, DicomTransferSyntax transferSyntax, PixelCodecRegistry? codecs = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        var format = PixelFormat.FromDataset(dataset);
        return dataset[format.PixelDataTag] switch
        {
            DicomFragmentSequence fragments => new PixelData(format, transferSyntax, null,
                new EncapsulatedFrames(dataset, fragments, format, transferSyntax, codecs ?? PixelCodecRegistry.Default)),
            DicomElement element => new PixelData(format, transferSyntax, new NativeFrameReader(element, format, transferSyntax), null),
            var other => throw new DicomException($"pixel data: {format.PixelDataTag} is a {other?.GetType().Name}, neither native nor encapsulated pixel data (PS3.5 §8.1, §8.2)."),
        };
    }

    /// <summary>The stored format.</summary>
    public PixelFormat Format { get; }

    /// <summary>Number of frames.</summary>
    public int NumberOfFrames => Format.NumberOfFrames;

    /// <summary>The transfer syntax of the pixel data.</summary>
    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>Whether the pixel data is encapsulated (PS3.5 §8.2, Annex A.4) rather than native.</summary>
    public bool IsEncapsulated => _encapsulated is not null;

    /// <summary>Decodes frame <paramref name="index"/> (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such frame.</exception>
    /// <exception cref="DicomException">The frame is truncated or its codec is missing (message names the transfer syntax and frame).</exception>
    public Frame GetFrame(int index)
    {
        CheckIndex(index);
        if (Format.SampleCount > Array.MaxLength) throw new DicomException($"pixel data: a frame of {Format.SampleCount} samples is too large for one array.");
        var samples = SampleTypes.Allocate(Format.SampleType, Format.SampleCount);
        var bytes = MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(samples), samples.Length * SampleTypes.Size(Format.SampleType));
        Decode(index, bytes);
        return new Frame(Format, samples);
    }

    /// <summary>
    /// Decodes frame <paramref name="index"/> into <paramref name="destination"/>, which holds Rows × Columns × Samples
    /// elements of <typeparamref name="T"/> (= <see cref="PixelFormat.SampleType"/>): the zero-copy path volumes use.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such frame.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not the sample type, or <paramref name="destination"/> is too short.</exception>
    /// <exception cref="DicomException">The frame is truncated or its codec is missing.</exception>
    public void CopyFrame<T>(int index, Span<T> destination) where T : unmanaged
    {
        CheckIndex(index);
        var type = SampleTypes.ClrType(Format.SampleType);
        if (typeof(T) != type)
            throw new ArgumentException($"the frames hold {Format.SampleType} samples ({type.Name}), not {typeof(T).Name}.", nameof(destination));
        if (destination.Length < Format.SampleCount)
            throw new ArgumentException($"a frame is {Format.SampleCount} samples; the destination holds {destination.Length}.", nameof(destination));
        Decode(index, MemoryMarshal.AsBytes(destination[..(int)Format.SampleCount]));
    }

    /// <summary>
    /// The native bytes of frame <paramref name="index"/> (PS3.5 §8.1.1, little endian), decoded when encapsulated:
    /// what a codec's encoder takes.
    /// </summary>
    /// <remarks>
    /// Native frames are returned as stored (planar configuration and YBR_FULL_422 subsampling kept; 1-bit frames
    /// re-packed to start at bit 0); encapsulated ones as the codec returns them.
    /// </remarks>
    public byte[] GetNativeFrameBytes(int index)
    {
        CheckIndex(index);
        if (_encapsulated is not null) return _encapsulated.Decode(index);
        var bytes = _native!.GetFrame(index, out int bitOffset);
        if (bitOffset == 0) return bytes[..(int)Format.NativeFrameLength].ToArray();
        var packed = new byte[Format.NativeFrameLength];
        for (long i = 0; i < Format.SampleCount; i++)
        {
            long bit = bitOffset + i;
            if (((bytes[(int)(bit >> 3)] >> (int)(bit & 7)) & 1) != 0) packed[i >> 3] |= (byte)(1 << (int)(i & 7));
        }
        return packed;
    }

    private void Decode(int index, Span<byte> destination)
    {
        if (_native is not null)
        {
            var bytes = _native.GetFrame(index, out int bitOffset);
            SampleDecoder.Decode(bytes, bitOffset, Format.IsSubsampled422, Format, index, destination);
            return;
        }
        var decoded = _encapsulated!.Decode(index);
        SampleDecoder.Decode(decoded, 0, _encapsulated.IsSubsampled(decoded.Length, index), Format, index, destination);
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)NumberOfFrames)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the pixel data has {NumberOfFrames} frame(s), numbered from 0.");
    }
}
