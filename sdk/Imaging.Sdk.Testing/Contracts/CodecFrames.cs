using System.Buffers.Binary;
using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The default native frame for codec checks: the middle CT (or MR) slice of the synthetic study, in a pixel format the syntax can hold.</summary>
internal static class CodecFrames
{
    /// <summary>
    /// A MONOCHROME2 frame for <paramref name="syntax"/>: 8 bits for JPEG Baseline (PS3.5 §A.4.1: 8-bit samples only),
    /// else 16 bits allocated and 12 stored, unsigned (every lossless JPEG, JPEG-LS, JPEG 2000 and RLE codec takes it).
    /// </summary>
    public static CodecSample For(DicomTransferSyntax syntax, SyntheticStudyOptions study)
    {
        var series = SyntheticStudy.Series("CT", study);
        if (series.Count == 0) series = SyntheticStudy.Series("MR", study);
        if (series.Count == 0) throw new ArgumentException("the synthetic study options give no slices to make a codec frame from.", nameof(study));
        var slice = series[series.Count / 2];
        int rows = slice.GetSingleValue<int>(DicomTag.Rows), columns = slice.GetSingleValue<int>(DicomTag.Columns);
        if (!slice.TryGetElement(DicomTag.PixelData, out var pixelData)) throw new InvalidOperationException("a synthetic slice has no Pixel Data.");
        var source = pixelData.Buffer.Memory.Span;
        var values = new ushort[rows * columns];
        for (int i = 0; i < values.Length; i++)
            values[i] = (ushort)Math.Clamp((int)BinaryPrimitives.ReadInt16LittleEndian(source[(i * 2)..]), 0, 4095);
        if (syntax.Uid == DicomTransferSyntax.JPEGBaseline8Bit.Uid)
        {
            var bytes = Array.ConvertAll(values, v => (byte)(v >> 4));
            return new CodecSample(bytes, new FrameFormat(rows, columns, 1, 8, 8, false, "MONOCHROME2"));
        }
        var words = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(words.AsSpan(i * 2), values[i]);
        return new CodecSample(words, new FrameFormat(rows, columns, 1, 16, 12, false, "MONOCHROME2"));
    }
}
