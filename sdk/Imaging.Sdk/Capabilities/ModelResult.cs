using Imaging.Dicom;

namespace Imaging.Sdk.Capabilities;

/// <summary>What a model produced.</summary>
/// <param name="DerivedInstances">New instances (SEG, SR) referencing the input series.</param>
/// <param name="Measurements">Named measurements (e.g. <c>liver.volume_ml</c>).</param>
public sealed record ModelResult(IReadOnlyList<DicomDataset> DerivedInstances, IReadOnlyDictionary<string, double> Measurements);
