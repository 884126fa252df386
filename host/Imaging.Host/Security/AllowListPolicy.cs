using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Security;

namespace Imaging.Host.Security;

/// <summary>
/// The host's built-in de-identification policy, used when no anonymizer plugin serves as the policy. It is an
/// allow-list, so that what it does not know it removes: only attributes that describe the image (SOP class, image
/// pixel, plane geometry, modality and VOI LUT modules, functional groups holding them) survive; every other standard
/// attribute, every private attribute, overlays and curves are removed. Study, Series, SOP Instance and Frame of
/// Reference UIDs are replaced by <c>2.25.</c> UIDs derived with HMAC-SHA256 under a secret, so that references between
/// instances of one run stay consistent (PS3.15 E.3.9-like behaviour, without the standard's full option set).
/// Patient Name and Patient ID are present but empty (type 2), Patient Identity Removed (0012,0062) is YES and
/// De-identification Method (0012,0063) names this policy (PS3.15 E.1.1).
/// </summary>
/// <remarks>Pixel data is passed through: an image with Burned In Annotation (0028,0301) = YES is refused.</remarks>
public sealed class AllowListPolicy : IDeidentificationPolicy
{
    private static readonly HashSet<DicomTag> Kept =
    [
        // SOP Common, General Series/Image (PS3.3 C.12.1, C.7.3.1, C.7.6.1)
        DicomTag.SpecificCharacterSet, DicomTag.SOPClassUID, DicomTag.ImageType, DicomTag.Modality, DicomTag.SeriesNumber,
        DicomTag.InstanceNumber, DicomTag.AcquisitionNumber, DicomTag.PatientPosition, DicomTag.BodyPartExamined,
        DicomTag.Laterality, DicomTag.ImageLaterality, DicomTag.LossyImageCompression, DicomTag.LossyImageCompressionRatio,
        DicomTag.LossyImageCompressionMethod, DicomTag.BurnedInAnnotation,
        // Image Plane (C.7.6.2), CT/MR image basics
        DicomTag.PixelSpacing, DicomTag.ImageOrientationPatient, DicomTag.ImagePositionPatient, DicomTag.SliceThickness,
        DicomTag.SpacingBetweenSlices, DicomTag.SliceLocation, DicomTag.KVP, DicomTag.RepetitionTime, DicomTag.EchoTime,
        DicomTag.MagneticFieldStrength, DicomTag.ScanningSequence, DicomTag.SequenceVariant,
        // Image Pixel (C.7.6.3), Multi-frame (C.7.6.6)
        DicomTag.SamplesPerPixel, DicomTag.PhotometricInterpretation, DicomTag.Rows, DicomTag.Columns, DicomTag.BitsAllocated,
        DicomTag.BitsStored, DicomTag.HighBit, DicomTag.PixelRepresentation, DicomTag.PlanarConfiguration,
        DicomTag.PixelAspectRatio, DicomTag.SmallestImagePixelValue, DicomTag.LargestImagePixelValue, DicomTag.NumberOfFrames,
        DicomTag.FrameIncrementPointer, DicomTag.PixelData, DicomTag.FloatPixelData, DicomTag.DoubleFloatPixelData,
        DicomTag.RedPaletteColorLookupTableDescriptor, DicomTag.GreenPaletteColorLookupTableDescriptor,
        DicomTag.BluePaletteColorLookupTableDescriptor, DicomTag.RedPaletteColorLookupTableData,
        DicomTag.GreenPaletteColorLookupTableData, DicomTag.BluePaletteColorLookupTableData,
        // Modality LUT and VOI LUT (C.11.1, C.11.2)
        DicomTag.RescaleIntercept, DicomTag.RescaleSlope, DicomTag.RescaleType, DicomTag.WindowCenter, DicomTag.WindowWidth,
        DicomTag.VOILUTFunction, DicomTag.PresentationLUTShape,
        // Enhanced multi-frame functional groups (C.7.6.16) and the geometry macros inside them
        DicomTag.SharedFunctionalGroupsSequence, DicomTag.PerFrameFunctionalGroupsSequence, DicomTag.PixelMeasuresSequence,
        DicomTag.PlanePositionSequence, DicomTag.PlaneOrientationSequence, DicomTag.PixelValueTransformationSequence,
        DicomTag.FrameVOILUTSequence, DicomTag.FrameContentSequence, DicomTag.InStackPositionNumber,
        DicomTag.TemporalPositionIndex, DicomTag.StackID, DicomTag.DimensionIndexValues,
        // Identity-removed markers (PS3.15 E.1.1) — written below
        DicomTag.PatientIdentityRemoved, DicomTag.DeidentificationMethod,
    ];

    private static readonly DicomTag[] ReplacedUids =
        [DicomTag.StudyInstanceUID, DicomTag.SeriesInstanceUID, DicomTag.SOPInstanceUID, DicomTag.FrameOfReferenceUID];

    private readonly byte[] _secret;

    /// <summary>Creates the policy; <paramref name="secret"/> keys the UID replacement (random when null).</summary>
    public AllowListPolicy(byte[]? secret = null)
    {
        _secret = secret is { Length: > 0 } ? (byte[])secret.Clone() : RandomNumberGenerator.GetBytes(32);
    }

    /// <inheritdoc />
    public string Name => "imaging allow-list (built in)";

    /// <inheritdoc />
    public DicomDataset Apply(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.TryGetString(DicomTag.BurnedInAnnotation, out var burned) && string.Equals(burned?.Trim(), "YES", StringComparison.OrdinalIgnoreCase))
            throw new ImagingPluginException("The image has Burned In Annotation (0028,0301) = YES: its pixels may show identifying text, so it cannot be given to a plugin without the 'phi' permission.");
        var result = new DicomDataset();
        // Clone first: sequences and fragment lists are fresh objects, so the result shares nothing mutable with the input.
        foreach (var item in dataset.Clone())
        {
            if (Kept.Contains(item.Tag)) result.Add(CopyAllowed(item));
        }
        foreach (var tag in ReplacedUids)
        {
            if (dataset.TryGetString(tag, out var uid) && !string.IsNullOrEmpty(uid)) result.AddOrUpdate(DicomVR.UI, tag, Replace(uid));
        }
        result.AddOrUpdate(DicomVR.PN, DicomTag.PatientName, "");
        result.AddOrUpdate(DicomVR.LO, DicomTag.PatientID, "");
        result.AddOrUpdate(DicomVR.CS, DicomTag.PatientIdentityRemoved, "YES");
        result.AddOrUpdate(DicomVR.LO, DicomTag.DeidentificationMethod, Name);
        return result;
    }

    /// <summary>The replacement for <paramref name="uid"/>: <c>2.25.</c> + the first 128 bits of HMAC-SHA256(secret, uid) (PS3.5 B.2).</summary>
    public string Replace(string uid)
    {
        var mac = HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(uid.Trim()));
        var value = new BigInteger(mac.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DicomItem CopyAllowed(DicomItem item)
    {
        if (item is not DicomSequence sequence) return item;
        var items = new List<DicomDataset>(sequence.Count);
        foreach (var inner in sequence)
        {
            var copy = new DicomDataset();
            foreach (var nested in inner)
            {
                if (Kept.Contains(nested.Tag)) copy.Add(CopyAllowed(nested));
            }
            items.Add(copy);
        }
        return new DicomSequence(sequence.Tag, items);
    }
}
