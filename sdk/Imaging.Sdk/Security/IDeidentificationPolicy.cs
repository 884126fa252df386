using Imaging.Dicom;

namespace Imaging.Sdk.Security;

/// <summary>
/// The active anonymization policy: what the host applies to every data set before a plugin without the <c>phi</c>
/// permission receives it (PS3.15 Annex E gives the profiles). Implementations return a new data set and never modify
/// the input.
/// </summary>
public interface IDeidentificationPolicy
{
    /// <summary>The policy's name, shown in <c>imaging plugins list</c> and written to De-identification Method (0012,0063).</summary>
    string Name { get; }

    /// <summary>Returns a de-identified copy of <paramref name="dataset"/>.</summary>
    DicomDataset Apply(DicomDataset dataset);
}
