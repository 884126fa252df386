using Imaging.Dicom;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// A data set's content at one moment: its encoding in Explicit VR Little Endian (PS3.5 §7.1.2), every nested item
/// included, plus the top-level elements' bytes to name what changed.
/// </summary>
internal sealed class DatasetSnapshot
{
    private readonly byte[] _bytes;
    private readonly Dictionary<DicomTag, byte[]> _items;

    private DatasetSnapshot(byte[] bytes, Dictionary<DicomTag, byte[]> items)
    {
        _bytes = bytes;
        _items = items;
    }

    /// <summary>Takes a snapshot of <paramref name="dataset"/> without touching it.</summary>
    public static DatasetSnapshot Take(DicomDataset dataset) => new(Encode(dataset), Items(dataset));

    /// <summary>Null when <paramref name="dataset"/> still has the content of the snapshot, else what changed (one line).</summary>
    public string? DescribeChange(DicomDataset dataset)
    {
        var bytes = Encode(dataset);
        if (bytes.AsSpan().SequenceEqual(_bytes)) return null;
        var now = Items(dataset);
        foreach (var (tag, before) in _items)
        {
            if (!now.TryGetValue(tag, out var after)) return $"{tag} was removed";
            if (!after.AsSpan().SequenceEqual(before)) return $"{tag} was changed";
        }
        foreach (var tag in now.Keys)
        {
            if (!_items.ContainsKey(tag)) return $"{tag} was added";
        }
        return "an item of a sequence was changed";
    }

    private static byte[] Encode(DicomDataset dataset)
    {
        using var stream = new MemoryStream();
        DicomFile.WriteDataset(stream, dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        return stream.ToArray();
    }

    private static Dictionary<DicomTag, byte[]> Items(DicomDataset dataset)
    {
        var items = new Dictionary<DicomTag, byte[]>();
        foreach (var item in dataset)
        {
            items[item.Tag] = item switch
            {
                DicomElement e => [.. BitConverter.GetBytes(e.VR.Code16), .. e.Buffer.Memory.Span],
                DicomSequence s => BitConverter.GetBytes(s.Count),
                DicomFragmentSequence f => BitConverter.GetBytes(f.Fragments.Count),
                _ => [],
            };
        }
        return items;
    }
}
