using Imaging.Dicom;

namespace Imaging.Plugins.Filters.Pixels;

/// <summary>
/// The linear Modality LUT of an image, stored value → modality value (Hounsfield units for CT):
/// <c>m·s + b</c> with Rescale Slope and Rescale Intercept (PS3.3 §C.11.1.1.2; 1 and 0 when absent).
/// </summary>
/// <param name="Slope">Rescale Slope (0028,1053).</param>
/// <param name="Intercept">Rescale Intercept (0028,1052).</param>
internal readonly record struct ModalityRescale(double Slope, double Intercept)
{
    /// <summary>Reads Rescale Slope and Intercept; a zero or missing slope counts as 1.</summary>
    public static ModalityRescale From(DicomDataset dataset)
    {
        double slope = dataset.TryGetValue<double>(DicomTag.RescaleSlope, 0, out var m) && m != 0 && double.IsFinite(m) ? m : 1;
        double intercept = dataset.TryGetValue<double>(DicomTag.RescaleIntercept, 0, out var b) && double.IsFinite(b) ? b : 0;
        return new ModalityRescale(slope, intercept);
    }

    /// <summary>True when the mapping is the identity.</summary>
    public bool IsIdentity => Slope == 1 && Intercept == 0;

    /// <summary>The modality value of stored value <paramref name="stored"/>.</summary>
    public double ToModality(double stored) => Slope * stored + Intercept;

    /// <summary>The (fractional) stored value whose modality value is <paramref name="modality"/>.</summary>
    public double ToStored(double modality) => (modality - Intercept) / Slope;

    /// <summary>Sets the data set's rescale to the identity (slope 1, intercept 0) where it had one: the new values are modality values.</summary>
    public static void ResetToIdentity(DicomDataset output)
    {
        if (output.Contains(DicomTag.RescaleSlope)) output.AddOrUpdate(DicomTag.RescaleSlope, "1");
        if (output.Contains(DicomTag.RescaleIntercept)) output.AddOrUpdate(DicomTag.RescaleIntercept, "0");
    }
}
