using System.Buffers.Binary;
using Imaging.Dicom.IO;

namespace Imaging.Dicom;

/// <summary>
/// Encapsulated pixel data (PS3.5 §A.4): a Basic Offset Table item followed by fragments, kept as they
/// were encoded (nothing is decoded here). Frames are assembled with <see cref="GetFrameFragments"/>.
/// </summary>
public sealed class DicomFragmentSequence : DicomItem
{
    /// <summary>Creates encapsulated pixel data.</summary>
    /// <param name="tag">Usually (7FE0,0010).</param>
    /// <param name="vr">OB (or OW, as some writers put it).</param>
    /// <param name="offsetTable">The Basic Offset Table item's value; may be empty.</param>
    /// <param name="fragments">The fragments' values, in order.</param>
    public DicomFragmentSequence(DicomTag tag, DicomVR vr, DicomBuffer offsetTable, IEnumerable<DicomBuffer> fragments) : base(tag)
    {
        VR = vr;
        OffsetTableBuffer = offsetTable;
        Fragments = [.. fragments];
    }

    /// <inheritdoc />
    public override DicomVR VR { get; }

    /// <summary>The Basic Offset Table item's raw value (PS3.5 Table A.4-1); empty when the table is absent.</summary>
    public DicomBuffer OffsetTableBuffer { get; }

    /// <summary>The fragments, in order; add and remove through this list.</summary>
    public IList<DicomBuffer> Fragments { get; }

    /// <summary>The Basic Offset Table: for each frame, the byte offset of its first fragment's item tag from the first fragment's item tag.</summary>
    public IReadOnlyList<uint> OffsetTable
    {
        get
        {
            var span = OffsetTableBuffer.Memory.Span;
            var table = new uint[span.Length / 4];
            for (int i = 0; i < table.Length; i++) table[i] = BinaryPrimitives.ReadUInt32LittleEndian(span[(i * 4)..]);
            return table;
        }
    }

    /// <summary>
    /// The fragments that make up each frame, using in order: the Extended Offset Table when given
    /// (PS3.5 §A.4, (7FE0,0001)), the Basic Offset Table, one fragment per frame when the counts agree,
    /// or all fragments as one frame when there is one frame.
    /// </summary>
    /// <param name="numberOfFrames">(0028,0008) Number of Frames, 1 when absent.</param>
    /// <param name="extendedOffsetTable">(7FE0,0001) values, when present.</param>
    /// <exception cref="DicomException">The fragments cannot be split into that many frames.</exception>
    public IReadOnlyList<IReadOnlyList<DicomBuffer>> GetFrameFragments(int numberOfFrames, IReadOnlyList<ulong>? extendedOffsetTable = null)
    {
        if (numberOfFrames < 1) numberOfFrames = 1;
        IReadOnlyList<ulong>? offsets = extendedOffsetTable is { Count: > 0 } ? extendedOffsetTable : null;
        if (offsets is null && OffsetTableBuffer.Length >= 4) offsets = [.. OffsetTable.Select(o => (ulong)o)];
        if (offsets is not null && offsets.Count == numberOfFrames)
        {
            var frames = new List<IReadOnlyList<DicomBuffer>>(numberOfFrames);
            ulong position = 0;
            int f = -1;
            foreach (var fragment in Fragments)
            {
                if (f + 1 < numberOfFrames && position == offsets[f + 1])
                {
                    f++;
                    frames.Add(new List<DicomBuffer>());
                }
                if (f < 0) throw new DicomException($"the offset table does not start at the first fragment (first offset {offsets[0]}).");
                ((List<DicomBuffer>)frames[f]).Add(fragment);
                position += 8 + (ulong)fragment.Length;
            }
            if (frames.Count == numberOfFrames) return frames;
        }
        if (numberOfFrames == 1) return [Fragments.ToList()];
        if (Fragments.Count == numberOfFrames) return [.. Fragments.Select(f => (IReadOnlyList<DicomBuffer>)[f])];
        throw new DicomException($"{Fragments.Count} fragments cannot be assigned to {numberOfFrames} frames without an offset table.");
    }

    /// <summary>"(7FE0,0010) OB, N fragments".</summary>
    public override string ToString() => $"{Tag} {VR.Code}, {Fragments.Count} fragment{(Fragments.Count == 1 ? "" : "s")}";
}
