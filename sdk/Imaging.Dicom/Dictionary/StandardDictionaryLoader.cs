using System.Collections.ObjectModel;

namespace Imaging.Dicom;

/// <summary>
/// Turns the generated tables of <see cref="StandardDictionaryData"/> (PS3.6 §6) into entries: one pass over
/// constant data, sharing the VR lists and VM strings between entries.
/// </summary>
internal static class StandardDictionaryLoader
{
    /// <summary>The entries in table order.</summary>
    public static DicomDictionaryEntry[] ReadEntries()
    {
        var vrSets = ReadVrSets();
        var vms = StandardDictionaryData.Vms.Split(';');
        var tags = StandardDictionaryData.Tags;
        var masks = StandardDictionaryData.Masks;
        var vrIndexes = StandardDictionaryData.VrSetIndexes;
        var vmIndexes = StandardDictionaryData.VmIndexes;
        var flags = StandardDictionaryData.Flags;
        var keywordLengths = StandardDictionaryData.KeywordLengths;
        var nameLengths = StandardDictionaryData.NameLengths;
        var text = StandardDictionaryData.Text;
        var entries = new DicomDictionaryEntry[StandardDictionaryData.Count];
        var position = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            var keyword = text.Substring(position, keywordLengths[i]);
            position += keywordLengths[i];
            var name = text.Substring(position, nameLengths[i]);
            position += nameLengths[i];
            entries[i] = new DicomDictionaryEntry(tags[i], masks[i], keyword, name, vrSets[vrIndexes[i]], vms[vmIndexes[i]], (flags[i] & 1) != 0);
        }
        return entries;
    }

    private static ReadOnlyCollection<DicomVR>[] ReadVrSets()
    {
        var sets = StandardDictionaryData.VrSets.Split(';');
        var result = new ReadOnlyCollection<DicomVR>[sets.Length];
        for (var i = 0; i < sets.Length; i++)
        {
            result[i] = sets[i].Length == 0
                ? ReadOnlyCollection<DicomVR>.Empty
                : new ReadOnlyCollection<DicomVR>(Array.ConvertAll(sets[i].Split('\\'), DicomVR.Parse));
        }
        return result;
    }
}
