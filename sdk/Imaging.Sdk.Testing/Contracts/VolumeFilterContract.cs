using Imaging.Dicom.Imaging.Volumes;
using Imaging.Sdk.Capabilities;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The <see cref="IVolumeFilter"/> contract: a new volume per call whose voxels fit its geometry, progress, cancellation, input untouched.</summary>
internal sealed class VolumeFilterContract(IVolumeFilter filter) : CapabilityContract(filter)
{
    private const string Operation = "ApplyAsync";

    /// <summary>The volume filter checks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Descriptor, CancellationBeforeStart, CancellationDuringRun, Progress, NoInputMutation, Output];

    /// <inheritdoc />
    public override CapabilityKind Kind => CapabilityKind.VolumeFilter;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckNames => Names;

    /// <inheritdoc />
    public override Task<string> RunAsync(string check, CheckContext ctx) => check switch
    {
        Descriptor => Task.FromResult(CheckDescriptor(p => Probes.CheckArguments(() => filter.Arguments, p))),
        CancellationBeforeStart => Probes.CancelledBeforeStartAsync(ctx, Operation, t => filter.ApplyAsync(Input(ctx), Arguments(ctx), null, t)),
        CancellationDuringRun => Probes.CancelledDuringRunAsync(ctx, Operation, (progress, trigger) => filter.ApplyAsync(Input(ctx), Arguments(ctx), progress, trigger.Token)),
        Progress => ProgressAsync(ctx),
        NoInputMutation => NoInputMutationAsync(ctx),
        Output => OutputAsync(ctx),
        _ => throw UnknownCheck(check),
    };

    private async Task<string> ProgressAsync(CheckContext ctx)
    {
        var progress = new RecordingProgress();
        await filter.ApplyAsync(Input(ctx), Arguments(ctx), progress, ctx.Token);
        return Probes.CheckProgress(Operation, progress.Reports, null, "unit");
    }

    private async Task<string> NoInputMutationAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        var geometry = input.Geometry;
        var voxels = (Array)input.Voxels.Clone();
        await filter.ApplyAsync(input, Arguments(ctx), new RecordingProgress(), ctx.Token);
        if (!Equals(geometry, input.Geometry)) throw Probes.Violation($"{Operation} changed its input's geometry");
        for (int n = 0; n < voxels.Length; n++)
        {
            if (!Equals(voxels.GetValue(n), input.Voxels.GetValue(n)))
                throw Probes.Violation($"{Operation} modified its input's voxels (first at index {n}: {voxels.GetValue(n)} → {input.Voxels.GetValue(n)})");
        }
        return "the input volume is unchanged";
    }

    private async Task<string> OutputAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        var result = await filter.ApplyAsync(input, Arguments(ctx), null, ctx.Token);
        if (result is null) throw Probes.Violation($"{Operation} returned null");
        if (ReferenceEquals(result, input) || ReferenceEquals(result.Voxels, input.Voxels))
            throw Probes.Violation($"{Operation} returned its input (or a volume sharing its voxels); the contract asks for a new one");
        var g = result.Geometry;
        if (g.VoxelCount != result.Voxels.LongLength)
            throw Probes.Violation($"the result has {result.Voxels.LongLength} voxels but its geometry says {g.SizeI}×{g.SizeJ}×{g.SizeK}");
        if (!(g.Spacing.X > 0 && g.Spacing.Y > 0 && g.Spacing.Z > 0))
            throw Probes.Violation($"the result's spacing ({g.Spacing.X}, {g.Spacing.Y}, {g.Spacing.Z}) is not positive");
        return $"a new {g.SizeI}×{g.SizeJ}×{g.SizeK} {result.SampleType} volume";
    }

    private static Volume Input(CheckContext ctx) => ctx.Options.VolumeInput ?? SyntheticVolume.Create();

    private static CapabilityArguments Arguments(CheckContext ctx) => ctx.Options.VolumeFilterArguments ?? CapabilityArguments.Empty;
}
