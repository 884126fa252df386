using System.Collections.Concurrent;
using Imaging.Cli.Collection;
using Imaging.Dicom;

namespace Imaging.Cli.Anonymize;

/// <summary>
/// The table behind <c>--map-out</c>: original → replacement of Patient ID and the Study, Series and SOP Instance UIDs,
/// found by comparing each input with its anonymized output (the anonymizer API needs no report of its own for it).
/// A value the anonymizer removed maps to an empty replacement. Thread-safe: files are added from parallel workers.
/// </summary>
internal sealed class PseudonymMap
{
    /// <summary>The CSV header; rows follow it sorted by attribute (in this order), then original value.</summary>
    public const string Header = "attribute,original,replacement";

    private static readonly (string Name, DicomTag Tag)[] Attributes =
    [
        ("PatientID", DicomTag.PatientID),
        ("StudyInstanceUID", DicomTag.StudyInstanceUID),
        ("SeriesInstanceUID", DicomTag.SeriesInstanceUID),
        ("SOPInstanceUID", DicomTag.SOPInstanceUID),
    ];

    private readonly ConcurrentDictionary<(int Attribute, string Original, string Replacement), byte> _rows = new();

    /// <summary>Records the pairs of one input and its output (attributes absent from the input are not recorded).</summary>
    public void Add(DicomDataset original, DicomDataset anonymized)
    {
        for (int i = 0; i < Attributes.Length; i++)
        {
            if (!original.TryGetString(Attributes[i].Tag, out var before) || before.Trim().Length == 0) continue;
            var after = anonymized.TryGetString(Attributes[i].Tag, out var a) ? a.Trim() : "";
            _rows.TryAdd((i, before.Trim(), after), 0);
        }
    }

    /// <summary>How many distinct pairs were recorded.</summary>
    public int Count => _rows.Count;

    /// <summary>Originals that were given more than one replacement (the anonymizer was not consistent), as "attribute original".</summary>
    public IReadOnlyList<string> Inconsistent() =>
        [.. _rows.Keys.GroupBy(r => (r.Attribute, r.Original)).Where(g => g.Count() > 1).Select(g => $"{Attributes[g.Key.Attribute].Name} {g.Key.Original}").Order(StringComparer.Ordinal)];

    /// <summary>Writes the CSV atomically at <paramref name="path"/>; an existing file is never overwritten (<see cref="IOException"/>).</summary>
    public void Write(string path) => AtomicFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var (attribute, original, replacement) in _rows.Keys.OrderBy(r => r.Attribute).ThenBy(r => r.Original, StringComparer.Ordinal).ThenBy(r => r.Replacement, StringComparer.Ordinal))
            writer.WriteLine($"{Attributes[attribute].Name},{Quote(original)},{Quote(replacement)}");
    }, overwrite: false);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
