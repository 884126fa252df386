using Imaging.Dicom;
using Imaging.Dicom.IO;

namespace Imaging.Plugins.Anonymizer.Engine;

/// <summary>
/// Action D of PS3.15 Table E.1-1: "a non-zero length value that may be a dummy value and consistent with the VR".
/// Text VRs get a fixed neutral value valid for the VR (PS3.5 §6.2: e.g. DA 19000101, DS 0, AS 000Y, others ANONYMIZED);
/// binary VRs get one zero value (OB/UN two zero bytes, to keep the length even). UI is not here: UIDs get U.
/// </summary>
internal static class DummyValues
{
    /// <summary>The dummy text of a text VR, or null for a binary VR.</summary>
    public static string? TextFor(DicomVR vr) => vr.Code switch
    {
        "DA" => "19000101",
        "DT" => "19000101000000",
        "TM" => "000000",
        "DS" or "IS" => "0",
        "AS" => "000Y",
        "UR" => "urn:x-anonymized",
        "UI" => null,
        _ when vr.Kind == DicomVRKind.Text => "ANONYMIZED",
        _ => null,
    };

    /// <summary>Sets the dummy value of <paramref name="element"/>'s VR in <paramref name="dataset"/>.</summary>
    public static void Apply(DicomDataset dataset, DicomElement element)
    {
        var vr = element.VR;
        if (TextFor(vr) is { } text)
        {
            dataset.AddOrUpdate(vr, element.Tag, text);
            return;
        }
        int size = vr == DicomVR.OB || vr == DicomVR.UN ? 2 : Math.Max(1, vr.UnitSize);
        dataset.AddOrUpdate(new DicomElement(element.Tag, vr, DicomBuffer.FromMemory(new byte[size]), element.CharacterSet));
    }

    /// <summary>Replaces <paramref name="element"/> by a zero-length element of the same VR (action Z).</summary>
    public static void Zero(DicomDataset dataset, DicomElement element) =>
        dataset.AddOrUpdate(new DicomElement(element.Tag, element.VR, DicomBuffer.Empty, element.CharacterSet));
}
