using Imaging.Sdk.Capabilities;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// The <see cref="IVolumeFormat"/> contract: well-formed extensions, write → read giving the same voxels and LPS geometry,
/// no overwrite unless asked (the existing file untouched), corrupt files refused with a contract exception.
/// </summary>
internal sealed class VolumeFormatContract(IVolumeFormat format) : CapabilityContract(format)
{
    /// <summary>The volume format checks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Descriptor, CancellationBeforeStart, RoundTrip, NoOverwrite, InvalidInput];

    /// <inheritdoc />
    public override CapabilityKind Kind => CapabilityKind.VolumeFormat;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckNames => Names;

    /// <inheritdoc />
    public override Task<string> RunAsync(string check, CheckContext ctx) => check switch
    {
        Descriptor => Task.FromResult(CheckDescriptor(CheckExtensions)),
        CancellationBeforeStart => CancelledBeforeStartAsync(ctx),
        RoundTrip => RoundTripAsync(ctx),
        NoOverwrite => NoOverwriteAsync(ctx),
        InvalidInput => InvalidInputAsync(ctx),
        _ => throw UnknownCheck(check),
    };

    private void CheckExtensions(List<string> problems)
    {
        var extensions = Probes.Read("FileExtensions", () => format.FileExtensions, problems);
        if (extensions is { Count: 0 }) problems.Add("FileExtensions is empty");
        foreach (var e in extensions ?? [])
        {
            if (string.IsNullOrEmpty(e) || e[0] != '.' || e != e.ToLowerInvariant() || e.Any(char.IsWhiteSpace))
                problems.Add($"file extension '{e}' is not lower case starting with a dot");
        }
        Probes.CheckArguments(() => format.WriteArguments, problems);
        try { _ = format.CanRead; _ = format.CanWrite; }
        catch (Exception e) { problems.Add($"reading CanRead/CanWrite threw {Probes.Describe(e)}"); }
    }

    private string PathIn(CheckContext ctx, string stem) => Path.Combine(ctx.NewFolder(stem), stem + format.FileExtensions[0]);

    private Task<string> CancelledBeforeStartAsync(CheckContext ctx)
    {
        if (!format.CanWrite) throw Probes.Skip("the format does not write");
        var path = PathIn(ctx, "cancelled");
        return Probes.CancelledBeforeStartAsync(ctx, "WriteAsync", async t =>
        {
            await format.WriteAsync(SyntheticVolume.Create(), path, CapabilityArguments.Empty, false, null, t);
            if (File.Exists(path)) throw Probes.Violation($"a cancelled WriteAsync left {Path.GetFileName(path)} behind");
        });
    }

    private async Task<string> RoundTripAsync(CheckContext ctx)
    {
        if (!format.CanWrite || !format.CanRead) throw Probes.Skip("the format does not both read and write");
        var volume = ctx.Options.VolumeInput ?? SyntheticVolume.Create();
        var path = PathIn(ctx, "volume");
        await format.WriteAsync(volume, path, CapabilityArguments.Empty, false, null, ctx.Token);
        if (!File.Exists(path)) throw Probes.Violation($"WriteAsync did not create {Path.GetFileName(path)}");
        var back = await format.ReadAsync(path, null, ctx.Token);
        if (SyntheticVolume.Compare(volume, back) is { } difference) throw Probes.Violation($"write → read changed the volume: {difference}");
        var g = back.Geometry;
        return $"{g.SizeI}×{g.SizeJ}×{g.SizeK} {back.SampleType} voxels and LPS geometry survive write → read";
    }

    private async Task<string> NoOverwriteAsync(CheckContext ctx)
    {
        if (!format.CanWrite) throw Probes.Skip("the format does not write");
        var path = PathIn(ctx, "existing");
        byte[] original = [1, 2, 3, 4];
        await File.WriteAllBytesAsync(path, original, ctx.Token);
        try
        {
            await format.WriteAsync(SyntheticVolume.Create(), path, CapabilityArguments.Empty, false, null, ctx.Token);
        }
        catch (IOException)
        {
            if (!(await File.ReadAllBytesAsync(path, ctx.Token)).AsSpan().SequenceEqual(original))
                throw Probes.Violation("WriteAsync refused to overwrite but changed the existing file");
            return "an existing file is refused with IOException and left as it was";
        }
        throw Probes.Violation("WriteAsync replaced an existing file although overwrite was false");
    }

    private Task<string> InvalidInputAsync(CheckContext ctx)
    {
        if (!format.CanRead) throw Probes.Skip("the format does not read");
        var path = PathIn(ctx, "corrupt");
        File.WriteAllBytes(path, "this is not a volume file, just text that is long enough to look like a header to a careless reader"u8.ToArray());
        return Probes.ExpectContractErrorAsync(ctx, "a file that is not in the format", t => format.ReadAsync(path, null, t));
    }
}
