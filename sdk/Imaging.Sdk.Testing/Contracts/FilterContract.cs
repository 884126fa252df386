using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The <see cref="IFilter"/> contract: a new, derived data set per call, one progress report per frame, input untouched.</summary>
internal sealed class FilterContract(IFilter filter) : CapabilityContract(filter)
{
    private const string Operation = "ApplyAsync";

    /// <summary>The filter checks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Descriptor, CancellationBeforeStart, CancellationDuringRun, Progress, NoInputMutation, InvalidInput, Output];

    /// <inheritdoc />
    public override CapabilityKind Kind => CapabilityKind.Filter;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckNames => Names;

    /// <inheritdoc />
    public override Task<string> RunAsync(string check, CheckContext ctx) => check switch
    {
        Descriptor => Task.FromResult(CheckDescriptor(p => Probes.CheckArguments(() => filter.Arguments, p))),
        CancellationBeforeStart => CancelledBeforeStartAsync(ctx),
        CancellationDuringRun => CancelledDuringRunAsync(ctx),
        Progress => ProgressAsync(ctx),
        NoInputMutation => NoInputMutationAsync(ctx),
        InvalidInput => InvalidInputAsync(ctx),
        Output => OutputAsync(ctx),
        _ => throw UnknownCheck(check),
    };

    private Task<string> CancelledBeforeStartAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        return Probes.CancelledBeforeStartAsync(ctx, Operation, t => filter.ApplyAsync(input, Arguments(ctx), null, t));
    }

    private Task<string> CancelledDuringRunAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        int frames = Frames(input);
        return Probes.CancelledDuringRunAsync(ctx, Operation, (progress, trigger) => filter.ApplyAsync(input, Arguments(ctx), progress, trigger.Token),
            reports => frames > 1 && reports.Count == 1 && reports[0].Total is null && reports[0].Completed < frames);
    }

    private async Task<string> ProgressAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        var progress = new RecordingProgress();
        await filter.ApplyAsync(input, Arguments(ctx), progress, ctx.Token);
        return Probes.CheckProgress(Operation, progress.Reports, Frames(input), "frame");
    }

    private async Task<string> NoInputMutationAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        var before = DatasetSnapshot.Take(input);
        await filter.ApplyAsync(input, Arguments(ctx), new RecordingProgress(), ctx.Token);
        if (before.DescribeChange(input) is { } change) throw Probes.Violation($"{Operation} modified its input: {change}");
        return "the input data set is unchanged";
    }

    private Task<string> InvalidInputAsync(CheckContext ctx)
    {
        var input = Input(ctx).Clone();
        input.Remove(DicomTag.PixelData);
        return Probes.ExpectContractErrorAsync(ctx, "a data set without Pixel Data", t => filter.ApplyAsync(input, Arguments(ctx), null, t));
    }

    private async Task<string> OutputAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        var result = await filter.ApplyAsync(input, Arguments(ctx), null, ctx.Token);
        if (result is null) throw Probes.Violation($"{Operation} returned null");
        if (ReferenceEquals(result, input)) throw Probes.Violation($"{Operation} returned its input data set; the contract asks for a new one");
        CheckNoSharedSequences(Operation, input, result);
        if (!result.Contains(DicomTag.PixelData)) throw Probes.Violation($"the result has no Pixel Data {DicomTag.PixelData}");
        var imageType = result.TryGetElement(DicomTag.ImageType, out var e) ? e.GetStrings() : [];
        if (imageType.Length == 0 || !string.Equals(imageType[0].Trim(), "DERIVED", StringComparison.Ordinal))
            throw Probes.Violation($"the result's Image Type {DicomTag.ImageType} is '{string.Join('\\', imageType)}'; a filtered image is DERIVED (PS3.3 C.7.6.1.1.2)");
        return $"a new data set with Pixel Data, Image Type {string.Join('\\', imageType)}";
    }

    private static DicomDataset Input(CheckContext ctx) => ctx.Options.FilterInput ?? SyntheticStudy.MultiFrame(ctx.Options.Study);

    private static CapabilityArguments Arguments(CheckContext ctx) => ctx.Options.FilterArguments ?? CapabilityArguments.Empty;

    private static int Frames(DicomDataset input) => Math.Max(1, input.GetSingleValueOrDefault(DicomTag.NumberOfFrames, 1));
}
