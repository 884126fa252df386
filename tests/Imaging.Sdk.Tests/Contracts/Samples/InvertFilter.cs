using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Tests.Contracts.Samples;

/// <summary>A filter that inverts 16-bit pixels frame by frame; well behaved unless given <see cref="Flaws"/>.</summary>
public sealed class InvertFilter(Flaws flaws = Flaws.None) : IFilter
{
    public string Name => flaws.HasFlag(Flaws.BadName) ? "Invert Pixels" : "invert";

    public string Description => "Inverts every bit of 16-bit pixels.";

    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } = [];

    public async Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (flaws.HasFlag(Flaws.Hangs)) await new TaskCompletionSource().Task;
        var token = flaws.HasFlag(Flaws.IgnoresCancellation) ? CancellationToken.None : cancellationToken;
        token.ThrowIfCancellationRequested();
        input.TryGetElement(DicomTag.PixelData, out var pixelData);
        if (pixelData is null && !flaws.HasFlag(Flaws.RawExceptionOnBadInput)) throw new InvalidInputException("The data set has no Pixel Data (7FE0,0010).");
        var source = pixelData!.Buffer.Memory;
        if (input.GetSingleValueOrDefault(DicomTag.BitsAllocated, (ushort)0) != 16) throw new InvalidInputException("invert takes 16-bit pixels only.");
        int frames = Math.Max(1, input.GetSingleValueOrDefault(DicomTag.NumberOfFrames, 1));
        int frameLength = input.GetSingleValue<int>(DicomTag.Rows) * input.GetSingleValue<int>(DicomTag.Columns) * 2;
        if (source.Length < (long)frames * frameLength) throw new InvalidInputException($"Pixel Data holds {source.Length} bytes, less than {frames} frames of {frameLength}.");
        if (flaws.HasFlag(Flaws.MutatesInput)) input.AddOrUpdate(DicomTag.ImageType, "DERIVED", "SECONDARY");
        var output = new byte[frames * frameLength];
        for (int f = 0; f < frames; f++)
        {
            token.ThrowIfCancellationRequested();
            var from = source.Span.Slice(f * frameLength, frameLength);
            var to = output.AsSpan(f * frameLength, frameLength);
            for (int i = 0; i < frameLength; i++) to[i] = (byte)~from[i];
            await Task.Yield();
            if (!flaws.HasFlag(Flaws.NoProgress))
                progress?.Report(new ProgressReport(flaws.HasFlag(Flaws.ProgressGoesBackwards) ? frames - f : f + 1, frames));
        }
        var result = flaws.HasFlag(Flaws.ReturnsInput) ? input : input.Clone();
        result.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, output);
        if (!flaws.HasFlag(Flaws.NotMarkedDerived)) result.AddOrUpdate(DicomTag.ImageType, "DERIVED", "SECONDARY");
        result.AddOrUpdate(DicomTag.DerivationDescription, "Inverted pixels");
        result.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate().Value);
        return result;
    }
}
