using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The <see cref="IDicomSink"/> contract: every instance written once, one report each, nothing half-written on cancellation.</summary>
internal sealed class SinkContract(IDicomSink sink) : CapabilityContract(sink)
{
    private const string Operation = "WriteAsync";

    /// <summary>The sink checks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Descriptor, CancellationBeforeStart, CancellationDuringRun, Progress, NoInputMutation, InvalidInput, Output];

    /// <inheritdoc />
    public override CapabilityKind Kind => CapabilityKind.Sink;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckNames => Names;

    /// <inheritdoc />
    public override Task<string> RunAsync(string check, CheckContext ctx) => check switch
    {
        Descriptor => Task.FromResult(CheckDescriptor()),
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
        var instances = Instances(ctx);
        var destination = Destination(ctx);
        return Probes.CancelledBeforeStartAsync(ctx, Operation, t => sink.WriteAsync(destination, new InstanceFeed(instances), null, t));
    }

    private async Task<string> CancelledDuringRunAsync(CheckContext ctx)
    {
        var instances = Instances(ctx);
        var destination = Destination(ctx);
        var message = await Probes.CancelledDuringRunAsync(ctx, Operation, (progress, trigger) =>
        {
            var feed = new InstanceFeed(instances, i => { if (i == 1) trigger.Fire("when the sink asked for the second instance"); });
            return sink.WriteAsync(destination, feed, progress, trigger.Token);
        }, _ => instances.Count > 1);
        CheckNothingHalfWritten(destination);
        return message + "; nothing half-written";
    }

    private async Task<string> ProgressAsync(CheckContext ctx)
    {
        var instances = Instances(ctx);
        var progress = new RecordingProgress();
        await sink.WriteAsync(Destination(ctx), new InstanceFeed(instances), progress, ctx.Token);
        return Probes.CheckProgress(Operation, progress.Reports, instances.Count, "instance");
    }

    private async Task<string> NoInputMutationAsync(CheckContext ctx)
    {
        var instances = Instances(ctx);
        var before = instances.Select(i => DatasetSnapshot.Take(i.Dataset)).ToList();
        await sink.WriteAsync(Destination(ctx), new InstanceFeed(instances), new RecordingProgress(), ctx.Token);
        for (int i = 0; i < instances.Count; i++)
        {
            if (before[i].DescribeChange(instances[i].Dataset) is { } change)
                throw Probes.Violation($"{Operation} modified the data set of instance {i + 1}: {change}");
        }
        return $"the data sets of {Probes.Count(instances.Count, "instance")} are unchanged";
    }

    private Task<string> InvalidInputAsync(CheckContext ctx)
    {
        var instances = Instances(ctx);
        var folder = ctx.NewFolder("invalid");
        string destination;
        if (ctx.Options.InvalidSinkDestination is { } make) destination = make(folder);
        else
        {
            var file = Path.Combine(folder, "a-file");
            File.WriteAllText(file, "not a folder");
            destination = Path.Combine(file, "out");
        }
        return Probes.ExpectContractErrorAsync(ctx, "a destination that cannot be written", t => sink.WriteAsync(destination, new InstanceFeed(instances), null, t));
    }

    private async Task<string> OutputAsync(CheckContext ctx)
    {
        var instances = Instances(ctx);
        var feed = new InstanceFeed(instances);
        var result = await sink.WriteAsync(Destination(ctx), feed, null, ctx.Token);
        if (result is null) throw Probes.Violation($"{Operation} returned null");
        if (feed.Enumerations != 1) throw Probes.Violation($"{Operation} enumerated the instances {Probes.Count(feed.Enumerations, "time")}; the contract says once");
        if (result.Written != instances.Count) throw Probes.Violation($"SinkResult.Written is {result.Written} for {Probes.Count(instances.Count, "instance")} given");
        if (result.Locations is null) throw Probes.Violation("SinkResult.Locations is null");
        if (result.Locations.Count != result.Written) throw Probes.Violation($"SinkResult.Locations has {result.Locations.Count} entries for {result.Written} written");
        int local = 0;
        foreach (var location in result.Locations)
        {
            if (string.IsNullOrEmpty(location)) throw Probes.Violation("SinkResult.Locations holds an empty entry");
            if (!Path.IsPathFullyQualified(location)) continue;
            if (!File.Exists(location) && !Directory.Exists(location)) throw Probes.Violation($"SinkResult names {location}, which does not exist");
            local++;
        }
        return $"{Probes.Count(result.Written, "instance")} written, {local} local location(s) exist, instances enumerated once";
    }

    private static IReadOnlyList<DicomInstance> Instances(CheckContext ctx)
        => ctx.Options.SinkInstances ?? [.. SyntheticStudy.Series("CT", ctx.Options.Study).Select(d => new DicomInstance(d))];

    private static string Destination(CheckContext ctx)
    {
        var folder = ctx.NewFolder("sink");
        return ctx.Options.SinkDestination is { } make ? make(folder) : ctx.NewFolder(Path.Combine("sink", "out"));
    }

    /// <summary>After a cancelled write: no temporary file left behind and every DICOM file complete (the contract: "an instance being written is not left half-written").</summary>
    private static void CheckNothingHalfWritten(string destination)
    {
        if (!Directory.Exists(destination)) return;
        foreach (var file in Directory.GetFiles(destination, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase))
                throw Probes.Violation($"the cancelled {Operation} left the temporary file {file}");
            if (!name.EndsWith(".dcm", StringComparison.OrdinalIgnoreCase) && Path.HasExtension(name)) continue;
            DicomFile opened;
            try { opened = DicomFile.Open(file); }
            catch (DicomException e) { throw Probes.Violation($"the cancelled {Operation} left {file}, which does not read: {e.Message}"); }
            if (opened.IsPartial) throw Probes.Violation($"the cancelled {Operation} left the half-written file {file}");
        }
    }
}
