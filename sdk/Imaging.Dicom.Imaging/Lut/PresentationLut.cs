namespace Imaging.Dicom.Imaging.Lut;

/// <summary>
/// The Presentation LUT (PS3.3 §C.11.6): IDENTITY or INVERSE of the VOI output. A data set's (2050,0020) Presentation
/// LUT Shape is used when present (it is INVERSE for MONOCHROME1 in images that carry it); otherwise MONOCHROME1
/// means INVERSE (PS3.3 §C.7.6.3.1.2: the minimum sample value is displayed as white) and anything else IDENTITY.
/// </summary>
public sealed class PresentationLut
{
    /// <summary>Creates a presentation LUT of the shape.</summary>
    public PresentationLut(PresentationLutShape shape) => Shape = shape;

    /// <summary>The shape.</summary>
    public PresentationLutShape Shape { get; }

    /// <summary>The presentation LUT of <paramref name="dataset"/> (see the type's summary).</summary>
    /// <exception cref="DicomException">Presentation LUT Shape is neither IDENTITY nor INVERSE.</exception>
    public static PresentationLut FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.TryGetString(DicomTag.PresentationLUTShape, out var shape) && shape.Trim().Length > 0)
        {
            return shape.Trim().ToUpperInvariant() switch
            {
                "IDENTITY" => new(PresentationLutShape.Identity),
                "INVERSE" => new(PresentationLutShape.Inverse),
                _ => throw new DicomException($"{DicomTag.PresentationLUTShape} Presentation LUT Shape '{shape}' is neither IDENTITY nor INVERSE."),
            };
        }
        var photometric = dataset.TryGetString(DicomTag.PhotometricInterpretation, out var p) ? p.Trim() : "";
        return new(photometric == "MONOCHROME1" ? PresentationLutShape.Inverse : PresentationLutShape.Identity);
    }

    /// <summary>Maps a VOI output in [<paramref name="yMin"/>, <paramref name="yMax"/>]: unchanged, or yMax + yMin − y for INVERSE.</summary>
    public double Apply(double y, double yMin, double yMax) => Shape == PresentationLutShape.Inverse ? yMax + yMin - y : y;
}
