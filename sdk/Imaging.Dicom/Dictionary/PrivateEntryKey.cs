namespace Imaging.Dicom;

/// <summary>
/// The key of a private dictionary entry: Private Creator, group and the low byte of the element (PS3.5 §7.8.1).
/// Creators compare ordinally, ignoring trailing spaces and NULs (the padding of an LO value), without allocating.
/// </summary>
internal readonly struct PrivateEntryKey(string creator, uint groupAndLowByte)
{
    /// <summary>The comparer to give a Dictionary of these keys.</summary>
    public static readonly IEqualityComparer<PrivateEntryKey> Comparer = new KeyComparer();

    /// <summary>The Private Creator as given (possibly padded).</summary>
    public string Creator { get; } = creator;

    /// <summary>The tag with the element's high byte (the block) cleared: (gggg,00ee).</summary>
    public uint GroupAndLowByte { get; } = groupAndLowByte;

    /// <summary>The key of a private data element (gggg,xxee) under <paramref name="creator"/>.</summary>
    public static PrivateEntryKey For(string creator, DicomTag tag) => new(creator, tag.Value & 0xFFFF00FF);

    private ReadOnlySpan<char> TrimmedCreator => Creator.AsSpan().TrimEnd(" \0");

    private sealed class KeyComparer : IEqualityComparer<PrivateEntryKey>
    {
        public bool Equals(PrivateEntryKey x, PrivateEntryKey y) =>
            x.GroupAndLowByte == y.GroupAndLowByte && x.TrimmedCreator.SequenceEqual(y.TrimmedCreator);

        public int GetHashCode(PrivateEntryKey key) => HashCode.Combine(key.GroupAndLowByte, string.GetHashCode(key.TrimmedCreator));
    }
}
