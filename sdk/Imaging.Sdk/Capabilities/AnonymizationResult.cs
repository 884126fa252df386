using Imaging.Dicom;

namespace Imaging.Sdk.Capabilities;

/// <summary>A de-identified data set and what was done to get it.</summary>
/// <param name="Dataset">The new, de-identified data set.</param>
/// <param name="ActionCounts">How many attributes each action code touched (<c>D</c>, <c>Z</c>, <c>X</c>, <c>K</c>, <c>C</c>, <c>U</c>).</param>
public sealed record AnonymizationResult(DicomDataset Dataset, IReadOnlyDictionary<string, int> ActionCounts);
