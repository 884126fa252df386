using System.Collections;

namespace Imaging.Dicom;

/// <summary>A Sequence of Items (VR SQ): an ordered list of nested data sets, PS3.5 §7.5.</summary>
public sealed class DicomSequence : DicomItem, IReadOnlyList<DicomDataset>
{
    private readonly List<DicomDataset> _items;

    /// <summary>Creates a sequence with the given items.</summary>
    public DicomSequence(DicomTag tag, params IEnumerable<DicomDataset> items) : base(tag) => _items = [.. items];

    /// <inheritdoc />
    public override DicomVR VR => DicomVR.SQ;

    /// <summary>The items, in order. Add and remove through this list.</summary>
    public IList<DicomDataset> Items => _items;

    /// <summary>The number of items.</summary>
    public int Count => _items.Count;

    /// <summary>The item at an index.</summary>
    public DicomDataset this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<DicomDataset> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>"(gggg,eeee) SQ, N items".</summary>
    public override string ToString() => $"{Tag} SQ, {Count} item{(Count == 1 ? "" : "s")}";
}
