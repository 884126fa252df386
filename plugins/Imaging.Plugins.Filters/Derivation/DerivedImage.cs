using Imaging.Dicom;
using Imaging.Dicom.IO;

namespace Imaging.Plugins.Filters.Derivation;

/// <summary>
/// Builds a filter's output data set: a copy of the input with new Pixel Data, recorded as derived
/// (PS3.3 C.7.6.1.1.2 Image Type value 1 DERIVED, C.7.6.1.1.3 Derivation Description and Source Image Sequence)
/// under a new SOP Instance UID (PS3.3 C.12.1.1.1: a new image is a new instance).
/// </summary>
internal static class DerivedImage
{
    /// <summary>The longest Derivation Description (ST, PS3.5 §6.2).</summary>
    private const int MaxDescriptionLength = 1024;

    /// <summary>Returns the derived copy; <paramref name="input"/> is not changed.</summary>
    /// <param name="input">The filter's input.</param>
    /// <param name="pixelData">The new Pixel Data value.</param>
    /// <param name="vr">Its VR (OB or OW, as the input had it).</param>
    /// <param name="description">What was done, appended to Derivation Description.</param>
    public static DicomDataset Create(DicomDataset input, byte[] pixelData, DicomVR vr, string description)
    {
        var output = input.Clone();
        output.AddOrUpdate(new DicomElement(DicomTag.PixelData, vr, DicomBuffer.FromMemory(pixelData)));

        var imageType = input.TryGetValues<string>(DicomTag.ImageType, out var values) && values.Length > 0 ? values : ["DERIVED", "SECONDARY"];
        imageType[0] = "DERIVED";
        output.AddOrUpdate(DicomTag.ImageType, imageType);

        var previous = input.TryGetString(DicomTag.DerivationDescription, out var d) ? d.Trim() : "";
        var text = previous.Length == 0 ? description : previous + "; " + description;
        output.AddOrUpdate(DicomTag.DerivationDescription, text.Length > MaxDescriptionLength ? text[..MaxDescriptionLength] : text);

        if (input.TryGetString(DicomTag.SOPClassUID, out var sopClass) && input.TryGetString(DicomTag.SOPInstanceUID, out var sopInstance))
        {
            var source = new DicomDataset();
            source.AddOrUpdate(DicomTag.ReferencedSOPClassUID, sopClass);
            source.AddOrUpdate(DicomTag.ReferencedSOPInstanceUID, sopInstance);
            output.AddOrUpdate(DicomVR.SQ, DicomTag.SourceImageSequence, source);
        }
        output.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate().Value);
        // The input's extremes no longer describe the new values (PS3.3 C.7.6.3.1; Type 3, so dropped rather than recomputed).
        output.Remove(DicomTag.SmallestImagePixelValue, DicomTag.LargestImagePixelValue);
        return output;
    }
}
