using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Imaging.Dicom;
using Imaging.Dicom.IO;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>
/// A data set built for one Table E.1-1 row: a CT Image (so IOD resolution applies) holding the row's attribute with a
/// plausible value of its dictionary VR, at the top level and inside an item of Derivation Code Sequence (0008,9215),
/// a sequence the table does not name (so it is kept and its items are de-identified recursively).
/// </summary>
public sealed class RowCase
{
    /// <summary>The secret every row test uses.</summary>
    public const string SecretHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    /// <summary>A word that stands for PHI: it is the patient's family name, so Clean must remove it from text.</summary>
    public const string Phi = "SECRETNAME";

    /// <summary>The wrapper sequence the nested copy lives in.</summary>
    public static readonly DicomTag Wrapper = new(0x0008, 0x9215);

    private RowCase(ProfileRow row, DicomTag tag, DicomVR vr, string? creator)
    {
        Row = row;
        Tag = tag;
        VR = vr;
        Creator = creator;
    }

    /// <summary>The row.</summary>
    public ProfileRow Row { get; }

    /// <summary>The concrete tag chosen for the row's tag or pattern.</summary>
    public DicomTag Tag { get; }

    /// <summary>Its VR.</summary>
    public DicomVR VR { get; }

    /// <summary>The private creator, for the private row.</summary>
    public string? Creator { get; }

    /// <summary>The text value put in (text VRs).</summary>
    public string? Text { get; private set; }

    /// <summary>The bytes put in (binary VRs).</summary>
    public byte[]? Bytes { get; private set; }

    /// <summary>Builds the case of a row; <paramref name="safePrivate"/> uses a private attribute on the built-in safe list.</summary>
    public static RowCase For(ProfileRow row, bool safePrivate = false)
    {
        var t = row.Tag.ToUpperInvariant();
        if (t.Contains("GGGG", StringComparison.Ordinal))
        {
            return safePrivate
                ? new RowCase(row, new DicomTag(0x0019, 0x100C), DicomVR.IS, "SIEMENS MR HEADER")
                : new RowCase(row, new DicomTag(0x0009, 0x1010), DicomVR.LO, "ACME PRIVATE");
        }
        var text = t.Replace('X', '0');
        var tag = DicomTag.Parse(text);
        if (tag == new DicomTag(0x5000, 0x0000)) tag = new DicomTag(0x5000, 0x3000); // (50xx,xxxx): Curve Data
        var entry = DicomDictionary.Standard.Lookup(tag);
        // Command-group UIDs such as (0000,1001) are not in the data dictionary: a U row holds a UID whatever the dictionary says.
        var vr = entry?.DefaultVR ?? (row.Basic == "U" ? DicomVR.UI : DicomVR.OB);
        if (tag.Group == 0x5000 && tag.Element == 0x3000) vr = DicomVR.OW;
        return new RowCase(row, tag, vr, null);
    }

    /// <summary>The input data set.</summary>
    public DicomDataset Build()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomVR.CS, DicomTag.SpecificCharacterSet, "ISO_IR 100");
        ds.AddOrUpdate(DicomVR.UI, DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
        ds.AddOrUpdate(DicomVR.UI, DicomTag.SOPInstanceUID, "1.2.826.0.1.3680043.2.1125.1.1");
        ds.AddOrUpdate(DicomVR.CS, DicomTag.Modality, "CT");
        if (Tag != DicomTag.PatientName) ds.AddOrUpdate(DicomVR.PN, DicomTag.PatientName, Phi + "^JOHN");
        if (Tag != DicomTag.PatientID) ds.AddOrUpdate(DicomVR.LO, DicomTag.PatientID, "PID12345");
        Put(ds);
        var item = new DicomDataset();
        Put(item);
        ds.AddOrUpdate(new DicomSequence(Wrapper, item));
        return ds;
    }

    private void Put(DicomDataset ds)
    {
        if (Creator is not null) ds.AddOrUpdate(DicomVR.LO, new DicomTag(Tag.Group, 0x0010), Creator);
        if (VR == DicomVR.SQ)
        {
            var inner = new DicomDataset();
            inner.AddOrUpdate(DicomVR.SH, DicomTag.CodeValue, "SECRET1");
            inner.AddOrUpdate(DicomVR.SH, DicomTag.CodingSchemeDesignator, "99TEST");
            inner.AddOrUpdate(DicomVR.LO, DicomTag.CodeMeaning, Phi + " code");
            ds.AddOrUpdate(new DicomSequence(Tag, inner));
            return;
        }
        if (VR.Kind == DicomVRKind.Text)
        {
            Text = TextValue(VR);
            ds.AddOrUpdate(VR, Tag, Text);
            return;
        }
        Bytes = BinaryValue(VR);
        ds.AddOrUpdate(new DicomElement(Tag, VR, DicomBuffer.FromMemory(Bytes)));
    }

    /// <summary>The original UID of this row (UI VR).</summary>
    public string OriginalUid => "1.2.826.0.1.3680043.2.1125.9." + Row.Index.ToString(CultureInfo.InvariantCulture);

    private string TextValue(DicomVR vr) => vr.Code switch
    {
        "AE" => Phi,
        "AS" => "045Y",
        "CS" => "ORIGINAL",
        "DA" => "20210315",
        "DS" => "12.5",
        "DT" => "20210315101112",
        "IS" => "42",
        "PN" => Phi + "^JOHN",
        "SH" => Phi + " X",
        "TM" => "101112",
        "UI" => OriginalUid,
        "UR" => "http://secretname.example/x",
        _ => Phi + " 20210315 scan",
    };

    private static byte[] BinaryValue(DicomVR vr) => vr.Code switch
    {
        "AT" => [0x10, 0x00, 0x10, 0x00],
        "FD" => BitConverter.GetBytes(1.5),
        "FL" => BitConverter.GetBytes(1.5f),
        "SS" or "US" => [7, 0],
        "SL" or "UL" => [7, 0, 0, 0],
        "SV" or "UV" => [7, 0, 0, 0, 0, 0, 0, 0],
        _ => [1, 2, 3, 4, 5, 6, 7, 8],
    };

    /// <summary>What U must give for <paramref name="uid"/> under <see cref="SecretHex"/>, computed here independently.</summary>
    public static string ExpectedUid(string uid)
    {
        var hash = HMACSHA256.HashData(Convert.FromHexString(SecretHex), Encoding.UTF8.GetBytes("uid\0" + uid));
        return "2.25." + new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }
}
