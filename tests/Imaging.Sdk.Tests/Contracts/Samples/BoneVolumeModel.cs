using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Tests.Contracts.Samples;

/// <summary>A toy CT "model": the volume above a HU threshold, slice by slice; well behaved unless given <see cref="Flaws"/>.</summary>
public sealed class BoneVolumeModel(Flaws flaws = Flaws.None) : IAiModel
{
    public string Name => "bone-volume";

    public string Description => "Volume of voxels above a HU threshold (toy model).";

    public IReadOnlyList<string> Modalities { get; } = ["CT"];

    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } = [new("threshold", "HU above which a voxel counts as bone", "300")];

    public async Task<ModelResult> RunAsync(IReadOnlyList<DicomDataset> series, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var token = flaws.HasFlag(Flaws.IgnoresCancellation) ? CancellationToken.None : cancellationToken;
        token.ThrowIfCancellationRequested();
        if (series.Count == 0) throw new InvalidInputException("The series is empty.");
        double threshold = arguments.GetDouble("threshold", 300);
        double volume = 0;
        for (int i = 0; i < series.Count; i++)
        {
            token.ThrowIfCancellationRequested();
            var slice = series[i];
            if (!slice.TryGetElement(DicomTag.PixelData, out var pixelData)) throw new InvalidInputException($"Slice {i + 1} has no Pixel Data.");
            double slope = slice.GetSingleValueOrDefault(DicomTag.RescaleSlope, 1.0), intercept = slice.GetSingleValueOrDefault(DicomTag.RescaleIntercept, 0.0);
            var spacing = slice.GetValues<double>(DicomTag.PixelSpacing);
            double voxel = spacing[0] * spacing[1] * slice.GetSingleValueOrDefault(DicomTag.SliceThickness, 1.0) / 1000;
            var pixels = pixelData.Buffer.Memory;
            int count = 0;
            for (int p = 0; p + 1 < pixels.Length; p += 2)
            {
                short stored = (short)(pixels.Span[p] | (pixels.Span[p + 1] << 8));
                if (stored * slope + intercept > threshold) count++;
            }
            volume += count * voxel;
            if (flaws.HasFlag(Flaws.MutatesInput)) slice.AddOrUpdate(DicomTag.ImageComments, "seen by bone-volume");
            await Task.Yield();
            if (!flaws.HasFlag(Flaws.NoProgress)) progress?.Report(new ProgressReport(i + 1, series.Count));
        }
        return new ModelResult([], new Dictionary<string, double> { ["bone.volume_ml"] = volume });
    }
}
