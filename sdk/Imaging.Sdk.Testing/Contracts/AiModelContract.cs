using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The <see cref="IAiModel"/> contract: a series in, new derived instances and finite measurements out, the series untouched.</summary>
internal sealed class AiModelContract(IAiModel model) : CapabilityContract(model)
{
    private const string Operation = "RunAsync";

    /// <summary>The AI model checks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Descriptor, CancellationBeforeStart, CancellationDuringRun, Progress, NoInputMutation, InvalidInput, Output];

    /// <inheritdoc />
    public override CapabilityKind Kind => CapabilityKind.AiModel;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckNames => Names;

    /// <inheritdoc />
    public override Task<string> RunAsync(string check, CheckContext ctx) => check switch
    {
        Descriptor => Task.FromResult(CheckDescriptor(CheckModelDescriptors)),
        CancellationBeforeStart => CancelledBeforeStartAsync(ctx),
        CancellationDuringRun => CancelledDuringRunAsync(ctx),
        Progress => ProgressAsync(ctx),
        NoInputMutation => NoInputMutationAsync(ctx),
        InvalidInput => Probes.ExpectContractErrorAsync(ctx, "an empty series", t => model.RunAsync([], Arguments(ctx), null, t)),
        Output => OutputAsync(ctx),
        _ => throw UnknownCheck(check),
    };

    private void CheckModelDescriptors(List<string> problems)
    {
        var modalities = Probes.Read("Modalities", () => model.Modalities, problems);
        if (modalities is not null && modalities.Any(string.IsNullOrWhiteSpace)) problems.Add("Modalities holds an empty entry");
        Probes.CheckArguments(() => model.Arguments, problems);
    }

    private Task<string> CancelledBeforeStartAsync(CheckContext ctx)
    {
        var series = Series(ctx);
        return Probes.CancelledBeforeStartAsync(ctx, Operation, t => model.RunAsync(series, Arguments(ctx), null, t));
    }

    private Task<string> CancelledDuringRunAsync(CheckContext ctx)
    {
        var series = Series(ctx);
        return Probes.CancelledDuringRunAsync(ctx, Operation, (progress, trigger) => model.RunAsync(series, Arguments(ctx), progress, trigger.Token));
    }

    private async Task<string> ProgressAsync(CheckContext ctx)
    {
        var progress = new RecordingProgress();
        await model.RunAsync(Series(ctx), Arguments(ctx), progress, ctx.Token);
        return Probes.CheckProgress(Operation, progress.Reports, null, "unit");
    }

    private async Task<string> NoInputMutationAsync(CheckContext ctx)
    {
        var series = Series(ctx);
        var before = series.Select(DatasetSnapshot.Take).ToList();
        await model.RunAsync(series, Arguments(ctx), new RecordingProgress(), ctx.Token);
        for (int i = 0; i < series.Count; i++)
        {
            if (before[i].DescribeChange(series[i]) is { } change) throw Probes.Violation($"{Operation} modified data set {i + 1} of the series: {change}");
        }
        return $"the {Probes.Count(series.Count, "data set")} of the series are unchanged";
    }

    private async Task<string> OutputAsync(CheckContext ctx)
    {
        var series = Series(ctx);
        var result = await model.RunAsync(series, Arguments(ctx), null, ctx.Token);
        if (result is null) throw Probes.Violation($"{Operation} returned null");
        if (result.DerivedInstances is null) throw Probes.Violation("ModelResult.DerivedInstances is null");
        if (result.Measurements is null) throw Probes.Violation("ModelResult.Measurements is null");
        for (int i = 0; i < result.DerivedInstances.Count; i++)
        {
            var d = result.DerivedInstances[i];
            if (d is null) throw Probes.Violation($"ModelResult.DerivedInstances[{i}] is null");
            if (series.Any(s => ReferenceEquals(s, d))) throw Probes.Violation($"ModelResult.DerivedInstances[{i}] is one of the input data sets; derived instances are new");
        }
        foreach (var (name, value) in result.Measurements)
        {
            if (string.IsNullOrWhiteSpace(name)) throw Probes.Violation("ModelResult.Measurements has an empty name");
            if (!double.IsFinite(value)) throw Probes.Violation($"measurement '{name}' is {value}");
        }
        return $"{Probes.Count(result.DerivedInstances.Count, "derived instance")}, {Probes.Count(result.Measurements.Count, "measurement")}";
    }

    private IReadOnlyList<DicomDataset> Series(CheckContext ctx)
    {
        if (ctx.Options.ModelSeries is { } given) return given;
        IReadOnlyList<string>? modalities;
        try { modalities = model.Modalities; }
        catch (Exception e) when (e is not OutOfMemoryException) { modalities = null; }
        bool mrOnly = modalities is { Count: > 0 } m && !m.Contains("CT", StringComparer.OrdinalIgnoreCase) && m.Contains("MR", StringComparer.OrdinalIgnoreCase);
        return SyntheticStudy.Series(mrOnly ? "MR" : "CT", ctx.Options.Study);
    }

    private static CapabilityArguments Arguments(CheckContext ctx) => ctx.Options.ModelArguments ?? CapabilityArguments.Empty;
}
