using System.Globalization;
using Imaging.Dicom;
using Xunit.Sdk;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>Checks that what happened to a row's attribute is one of the effects its action code allows (PS3.15 E.3.1 legend).</summary>
public static class RowAssert
{
    /// <summary>Asserts the effect of <paramref name="code"/> (possibly combined) on <paramref name="c"/>'s attribute in <paramref name="ds"/>.</summary>
    public static void Effect(RowCase c, DicomDataset ds, string code, string label, int? dateShift)
    {
        var allowed = code.Split('/').Select(s => s.Trim()).ToHashSet();
        var observed = Observe(c, ds, dateShift, out var detail);
        if (!Allows(allowed, observed, c))
            throw new XunitException($"{label}: action {code} does not allow what happened: {observed} ({detail}).");
    }

    private static bool Allows(HashSet<string> allowed, string observed, RowCase c) => observed switch
    {
        "X" => allowed.Contains("X"),
        "Z" => allowed.Contains("Z"),
        // Patient's Name (Z) becomes the patient's pseudonym: Z allows "a non-zero length value that may be a dummy value".
        "pseudonym" => allowed.Contains("Z") || allowed.Contains("D"),
        "D" => allowed.Contains("D"),
        "U" => allowed.Contains("U") || allowed.Contains("U*") || allowed.Contains("D") || allowed.Contains("C"),
        "K" => allowed.Contains("K")
               || (c.VR == Dicom.DicomVR.SQ && (allowed.Contains("U*") || allowed.Contains("C") || allowed.Contains("U")))
               || (allowed.Contains("C") && NothingToClean(c)),
        "C" => allowed.Contains("C"),
        _ => false,
    };

    // C keeps values that carry no text: numbers, codes, times (a date shift moves whole days), binary data, safe private.
    private static bool NothingToClean(RowCase c) =>
        c.VR.Kind != DicomVRKind.Text || c.VR == DicomVR.CS || c.VR == DicomVR.TM || c.VR == DicomVR.AS || c.VR == DicomVR.DS || c.VR == DicomVR.IS || c.Creator is not null;

    private static string Observe(RowCase c, DicomDataset ds, int? dateShift, out string detail)
    {
        detail = "";
        if (!ds.TryGetItem(c.Tag, out var item)) return "X";
        if (item is DicomSequence seq)
        {
            detail = $"{seq.Count} items";
            if (seq.Count == 0) return "Z";
            var first = seq[0];
            if (first.TryGetString(DicomTag.CodeValue, out var cv) && cv == "SECRET1")
            {
                if (first.TryGetString(DicomTag.CodeMeaning, out var cm) && cm.Contains(RowCase.Phi, StringComparison.Ordinal))
                    return "K";
                return "C"; // the structure kept, its text cleaned
            }
            return "D";
        }
        var e = (DicomElement)item;
        if (e.Length == 0) { detail = "zero length"; return "Z"; }
        if (c.Bytes is not null)
        {
            var now = e.Buffer.Memory.ToArray();
            detail = Convert.ToHexString(now);
            return now.SequenceEqual(c.Bytes) ? "K" : "D";
        }
        var text = e.GetString();
        detail = $"'{text}'";
        if (text == c.Text) return "K";
        if (c.Tag == DicomTag.PatientName && text.StartsWith("ANON-", StringComparison.Ordinal)) return "pseudonym";
        if (c.VR == DicomVR.UI)
        {
            Assert.Equal(RowCase.ExpectedUid(c.OriginalUid), text);
            return "U";
        }
        if (c.Tag == DicomTag.PatientID)
        {
            Assert.StartsWith("ANON-", text);
            return "D";
        }
        if (dateShift is { } days && (c.VR == DicomVR.DA || c.VR == DicomVR.DT))
        {
            var expected = new DateTime(2021, 3, 15).AddDays(days).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            Assert.StartsWith(expected, text);
            return "C";
        }
        Assert.DoesNotContain(RowCase.Phi, text, StringComparison.OrdinalIgnoreCase);
        return IsDummy(c.VR, text) ? "D" : "C";
    }

    private static bool IsDummy(DicomVR vr, string text) => text is "ANONYMIZED" or "19000101" or "19000101000000" or "000000" or "0" or "000Y" or "urn:x-anonymized";
}
