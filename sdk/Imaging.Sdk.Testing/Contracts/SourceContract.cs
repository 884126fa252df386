using System.Security.Cryptography;
using Imaging.Sdk.Capabilities;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The <see cref="IDicomSource"/> contract: lazy, cancellable enumeration with one report per instance; the location is only read.</summary>
internal sealed class SourceContract(IDicomSource source) : CapabilityContract(source)
{
    private const string Operation = "ReadAsync";

    /// <summary>The source checks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Descriptor, CanRead, CancellationBeforeStart, CancellationDuringRun, Progress, NoInputMutation, InvalidInput, Output];

    /// <inheritdoc />
    public override CapabilityKind Kind => CapabilityKind.Source;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckNames => Names;

    /// <inheritdoc />
    public override Task<string> RunAsync(string check, CheckContext ctx) => check switch
    {
        Descriptor => Task.FromResult(CheckDescriptor()),
        CanRead => Task.FromResult(CanReadCheck(ctx)),
        CancellationBeforeStart => CancelledBeforeStartAsync(ctx),
        CancellationDuringRun => CancelledDuringRunAsync(ctx),
        Progress => ProgressAsync(ctx),
        NoInputMutation => NoInputMutationAsync(ctx),
        InvalidInput => Probes.ExpectContractErrorAsync(ctx, "a location that does not exist", t => ReadAllAsync(Missing(ctx), null, t)),
        Output => OutputAsync(ctx),
        _ => throw UnknownCheck(check),
    };

    private string CanReadCheck(CheckContext ctx)
    {
        var location = Location(ctx, out _);
        bool canRead;
        try { canRead = source.CanRead(location); }
        catch (Exception e) { throw Probes.Violation($"CanRead threw {Probes.Describe(e)} on a location the source reads"); }
        if (!canRead) throw Probes.Violation($"CanRead returned false for a location the source reads ({location})");
        try { source.CanRead(Missing(ctx)); }
        catch (Exception e) { throw Probes.Violation($"CanRead threw {Probes.Describe(e)} on a missing location; it should answer false"); }
        return "CanRead accepts the location and answers (without throwing) for a missing one";
    }

    private Task<string> CancelledBeforeStartAsync(CheckContext ctx)
    {
        var location = Location(ctx, out _);
        return Probes.CancelledBeforeStartAsync(ctx, Operation, t => ReadAllAsync(location, null, t));
    }

    private Task<string> CancelledDuringRunAsync(CheckContext ctx)
    {
        var location = Location(ctx, out var expected);
        return Probes.CancelledDuringRunAsync(ctx, Operation,
            (progress, trigger) => ReadAllAsync(location, progress, trigger.Token, _ => trigger.Fire("at the first instance")),
            _ => expected > 1);
    }

    private async Task<string> ProgressAsync(CheckContext ctx)
    {
        var location = Location(ctx, out var expected);
        var progress = new RecordingProgress();
        var instances = await ReadAllAsync(location, progress, ctx.Token);
        return Probes.CheckProgress(Operation, progress.Reports, expected ?? instances.Count, "instance");
    }

    private async Task<string> NoInputMutationAsync(CheckContext ctx)
    {
        var location = Location(ctx, out _);
        if (!File.Exists(location) && !Directory.Exists(location))
            throw Probes.Skip($"the location is not a local file or folder ({location})");
        var before = HashFiles(location);
        await ReadAllAsync(location, null, ctx.Token);
        var after = HashFiles(location);
        foreach (var (path, hash) in before)
        {
            if (!after.TryGetValue(path, out var now)) throw Probes.Violation($"{Operation} deleted or moved {path}");
            if (!now.SequenceEqual(hash)) throw Probes.Violation($"{Operation} modified {path}");
        }
        foreach (var path in after.Keys)
        {
            if (!before.ContainsKey(path)) throw Probes.Violation($"{Operation} created {path} in the location it reads");
        }
        return $"{Probes.Count(before.Count, "file")} at the location unchanged";
    }

    private async Task<string> OutputAsync(CheckContext ctx)
    {
        var location = Location(ctx, out var expected);
        var instances = await ReadAllAsync(location, null, ctx.Token);
        if (instances.Count == 0) throw Probes.Violation($"{Operation} yielded no instance from {location}");
        for (int i = 0; i < instances.Count; i++)
        {
            if (instances[i] is not { } instance) throw Probes.Violation($"{Operation} yielded null (instance {i + 1})");
            if (instance.Dataset is null) throw Probes.Violation($"instance {i + 1} has no data set");
            if (instance.SopInstanceUid.Length == 0) throw Probes.Violation($"instance {i + 1} ({instance}) has no SOP Instance UID (0008,0018)");
        }
        if (expected is { } n && instances.Count != n)
            throw Probes.Violation($"{Operation} yielded {Probes.Count(instances.Count, "instance")}; the location holds {n}");
        return $"{Probes.Count(instances.Count, "instance")}, each with a data set and a SOP Instance UID";
    }

    private async Task<List<DicomInstance>> ReadAllAsync(string location, IProgress<ProgressReport>? progress, CancellationToken token, Action<DicomInstance>? onEach = null)
    {
        var list = new List<DicomInstance>();
        await foreach (var instance in source.ReadAsync(location, progress, token))
        {
            list.Add(instance);
            onEach?.Invoke(instance);
        }
        return list;
    }

    private static string Location(CheckContext ctx, out int? expected)
    {
        var folder = ctx.NewFolder("source");
        if (ctx.Options.PrepareSourceLocation is { } prepare)
        {
            expected = ctx.Options.ExpectedSourceCount;
            return prepare(folder);
        }
        var paths = SyntheticStudy.WriteTo(folder, ctx.Options.Study);
        expected = ctx.Options.ExpectedSourceCount ?? paths.Count;
        return folder;
    }

    private static string Missing(CheckContext ctx) => Path.Combine(ctx.WorkDirectory, "does-not-exist");

    private static Dictionary<string, byte[]> HashFiles(string location)
    {
        var files = File.Exists(location) ? [location] : Directory.GetFiles(location, "*", SearchOption.AllDirectories);
        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            using var stream = File.OpenRead(f);
            hashes[f] = SHA256.HashData(stream);
        }
        return hashes;
    }
}
