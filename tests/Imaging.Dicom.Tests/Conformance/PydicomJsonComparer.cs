using System.Globalization;
using System.Text.Json;

namespace Imaging.Dicom.Tests.Conformance;

/// <summary>
/// Compares pydicom's DICOM JSON with ours value for value and lists every difference with its path. Only differences
/// of representation are normalised, each one below with the reason; anything else is reported.
/// </summary>
/// <remarks>
/// Normalisations (pydicom 2.3.1 → what PS3.18 Annex F and our writer say):
/// <list type="number">
/// <item>Group length keys (gggg0000) are dropped from pydicom's side: PS3.18 §F.2.2 says they "shall not be included", pydicom includes them.</item>
/// <item>An empty sequence's <c>"Value": []</c> counts as no "Value": PS3.18 §F.2.5 leaves "Value" out of empty attributes; pydicom always writes it for SQ.</item>
/// <item>An empty value inside a multi-valued element, pydicom <c>""</c>, counts as <c>null</c>, which PS3.18 §F.2.5 prescribes.</item>
/// <item>PN groups that are <c>""</c> are dropped (PS3.18 §F.2.2 encodes "the non-empty name components"); a PN object left empty is an empty value, <c>null</c>.</item>
/// <item>Numbers are compared by value, not text: pydicom writes Python floats ("1.0", "0.10000000149011612"), we write DS as
/// written ("1", "1.50") and FL in its shortest float form ("0.1"). FL values are compared as the 32-bit floats they are,
/// because pydicom widens them to double before printing.</item>
/// <item>NaN and infinities: JSON has no numbers for them; the oracle records pydicom's as <c>{"__float__": "nan"}</c>, we write
/// the strings "NaN", "Infinity", "-Infinity".</item>
/// <item>Elements pydicom could not convert (its per-element errors, e.g. IS "1A") are not compared; we must still write them.</item>
/// <item>Big endian files: pydicom's InlineBinary of OW, OF, OL, OD and OV is the file's big endian bytes. The JSON model
/// has no byte order field; values are little endian, as our writer and dcmtk's dcm2json write them, so pydicom's are swapped.</item>
/// <item>Spaces around one value of a multi-valued string ("DERIVED \SECONDARY") are padding (PS3.5 §6.2, Table 6.2-1);
/// pydicom strips them only at the ends of the whole value. They are trimmed as <c>DicomElement.GetStrings</c> trims
/// them: trailing ones for every string VR, leading ones too for AE, AS, CS, DA, DS, DT, IS, TM and UI.</item>
/// </list>
/// </remarks>
public static class PydicomJsonComparer
{
    /// <summary>The differences between pydicom's data set JSON and ours; empty when they agree.</summary>
    public static List<string> Compare(JsonElement pydicom, JsonElement ours, IReadOnlyDictionary<string, string> pydicomErrors, bool bigEndian)
    {
        var differences = new List<string>();
        CompareDataset(pydicom, ours, "", differences, pydicomErrors, bigEndian);
        return differences;
    }

    private static void CompareDataset(JsonElement p, JsonElement o, string path, List<string> diffs, IReadOnlyDictionary<string, string>? errors, bool bigEndian)
    {
        // Normalisation 1: no group lengths.
        var pAttrs = p.EnumerateObject().Where(a => !a.Name.EndsWith("0000", StringComparison.Ordinal)).ToDictionary(a => a.Name, a => a.Value);
        var oAttrs = o.EnumerateObject().ToDictionary(a => a.Name, a => a.Value);
        foreach (var key in pAttrs.Keys.Union(oAttrs.Keys).Union(errors?.Keys ?? []).Order(StringComparer.Ordinal))
        {
            var at = $"{path}/{key}";
            if (errors is not null && errors.TryGetValue(key, out var error))
            {
                // Normalisation 7.
                if (!oAttrs.ContainsKey(key)) diffs.Add($"{at}: missing (pydicom could not convert it: {error})");
                continue;
            }
            if (!oAttrs.TryGetValue(key, out var oa)) { diffs.Add($"{at}: missing, pydicom has {Short(pAttrs[key])}"); continue; }
            if (!pAttrs.TryGetValue(key, out var pa)) { diffs.Add($"{at}: extra {Short(oa)}, pydicom has none"); continue; }
            CompareAttribute(pa, oa, at, diffs, bigEndian);
        }
    }

    private static void CompareAttribute(JsonElement p, JsonElement o, string path, List<string> diffs, bool bigEndian)
    {
        string pvr = p.GetProperty("vr").GetString()!, ovr = o.GetProperty("vr").GetString()!;
        if (pvr != ovr) diffs.Add($"{path}: vr {ovr}, pydicom {pvr}");

        string? pInline = Text(p, "InlineBinary"), oInline = Text(o, "InlineBinary");
        if (bigEndian && pInline is not null && SwapUnit(pvr) is > 1 and var unit)
        {
            // Normalisation 8.
            var bytes = Convert.FromBase64String(pInline);
            for (int i = 0; i + unit <= bytes.Length; i += unit) Array.Reverse(bytes, i, unit);
            pInline = Convert.ToBase64String(bytes);
        }
        if (pInline != oInline)
        {
            diffs.Add(pInline is null || oInline is null
                ? $"{path}: InlineBinary {(oInline is null ? "absent" : "present")}, pydicom {(pInline is null ? "absent" : "present")}"
                : $"{path}: InlineBinary differs ({Convert.FromBase64String(oInline).Length} bytes, pydicom {Convert.FromBase64String(pInline).Length})");
        }

        var pValues = Values(p);
        var oValues = Values(o);
        if (pvr == "SQ" && ovr == "SQ")
        {
            if (pValues.Count != oValues.Count) { diffs.Add($"{path}: {oValues.Count} items, pydicom {pValues.Count}"); return; }
            for (int i = 0; i < pValues.Count; i++) CompareDataset(pValues[i], oValues[i], $"{path}/{i}", diffs, null, bigEndian);
            return;
        }
        if (pValues.Count != oValues.Count)
        {
            diffs.Add($"{path}: {oValues.Count} values {Short(o)}, pydicom {pValues.Count} {Short(p)}");
            return;
        }
        for (int i = 0; i < pValues.Count; i++)
        {
            if (!SameValue(Normalise(pValues[i], pvr), oValues[i], pvr))
                diffs.Add($"{path}[{i}]: {oValues[i].GetRawText()}, pydicom {pValues[i].GetRawText()}");
        }
    }

    /// <summary>The "Value" array; absent and (normalisation 2) empty are the same.</summary>
    private static List<JsonElement> Values(JsonElement attribute) =>
        attribute.TryGetProperty("Value", out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : [];

    private static int SwapUnit(string vr) => vr switch { "OW" => 2, "OF" or "OL" => 4, "OD" or "OV" => 8, _ => 1 };

    /// <summary>Normalisations 3, 4 and 9: padding trimmed; "" and PN objects without non-empty groups are null; empty PN groups dropped.</summary>
    private static JsonElement Normalise(JsonElement v, string vr)
    {
        if (v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString()!.TrimEnd(' ');
            if (vr is "AE" or "AS" or "CS" or "DA" or "DS" or "DT" or "IS" or "TM" or "UI") s = s.TrimStart(' ');
            return s.Length == 0 ? Null : JsonSerializer.SerializeToElement(s);
        }
        if (v.ValueKind == JsonValueKind.Object && !v.TryGetProperty("__float__", out _))
        {
            var groups = v.EnumerateObject().Where(g => g.Value.ValueKind != JsonValueKind.String || g.Value.GetString()!.Length > 0).ToList();
            if (groups.Count == 0) return Null;
            return JsonSerializer.SerializeToElement(groups.ToDictionary(g => g.Name, g => g.Value));
        }
        return v;
    }

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();

    private static bool SameValue(JsonElement p, JsonElement o, string vr)
    {
        if (p.ValueKind == JsonValueKind.Number && o.ValueKind == JsonValueKind.Number)
            return SameNumber(p.GetRawText(), o.GetRawText(), vr); // normalisation 5
        if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("__float__", out var f))
        {
            // Normalisation 6.
            var expected = f.GetString() switch { "nan" => "NaN", "inf" => "Infinity", "-inf" => "-Infinity", var s => s };
            return o.ValueKind == JsonValueKind.String && o.GetString() == expected;
        }
        if (p.ValueKind != o.ValueKind) return false;
        return p.ValueKind switch
        {
            JsonValueKind.String => p.GetString() == o.GetString(),
            JsonValueKind.Null => true,
            JsonValueKind.Object => p.EnumerateObject().Count() == o.EnumerateObject().Count()
                && p.EnumerateObject().All(g => o.TryGetProperty(g.Name, out var og) && og.ValueKind == JsonValueKind.String && og.GetString() == g.Value.GetString()),
            _ => p.GetRawText() == o.GetRawText(),
        };
    }

    private static bool SameNumber(string p, string o, string vr)
    {
        const NumberStyles style = NumberStyles.Float;
        var inv = CultureInfo.InvariantCulture;
        if (vr is "FL" or "OF")
            return float.Parse(o, style, inv) == (float)double.Parse(p, style, inv);
        if (decimal.TryParse(p, style, inv, out var pd) && decimal.TryParse(o, style, inv, out var od) && pd == od) return true;
        return double.Parse(p, style, inv) == double.Parse(o, style, inv);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Short(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 160 ? text[..160] + "…" : text;
    }
}
