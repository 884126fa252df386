using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The <see cref="IAnonymizer"/> contract: a new data set with a report, one progress unit, unknown profiles refused (PS3.15 Annex E).</summary>
internal sealed class AnonymizerContract(IAnonymizer anonymizer) : CapabilityContract(anonymizer)
{
    private const string Operation = "AnonymizeAsync";

    /// <summary>The anonymizer checks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Descriptor, CancellationBeforeStart, Progress, NoInputMutation, InvalidInput, Output];

    /// <inheritdoc />
    public override CapabilityKind Kind => CapabilityKind.Anonymizer;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckNames => Names;

    /// <inheritdoc />
    public override Task<string> RunAsync(string check, CheckContext ctx) => check switch
    {
        Descriptor => Task.FromResult(CheckDescriptor(CheckProfiles)),
        CancellationBeforeStart => CancelledBeforeStartAsync(ctx),
        Progress => ProgressAsync(ctx),
        NoInputMutation => NoInputMutationAsync(ctx),
        InvalidInput => InvalidInputAsync(ctx),
        Output => OutputAsync(ctx),
        _ => throw UnknownCheck(check),
    };

    private void CheckProfiles(List<string> problems)
    {
        var profiles = Probes.Read("Profiles", () => anonymizer.Profiles, problems);
        if (profiles is null) return;
        if (profiles.Count == 0) problems.Add("Profiles is empty");
        foreach (var p in profiles) Probes.CheckName("profile", p, problems);
    }

    private Task<string> CancelledBeforeStartAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        var request = Request(ctx);
        return Probes.CancelledBeforeStartAsync(ctx, Operation, t => anonymizer.AnonymizeAsync(input, request, null, t));
    }

    private async Task<string> ProgressAsync(CheckContext ctx)
    {
        var progress = new RecordingProgress();
        await anonymizer.AnonymizeAsync(Input(ctx), Request(ctx), progress, ctx.Token);
        return Probes.CheckProgress(Operation, progress.Reports, 1, "data set");
    }

    private async Task<string> NoInputMutationAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        var before = DatasetSnapshot.Take(input);
        await anonymizer.AnonymizeAsync(input, Request(ctx), new RecordingProgress(), ctx.Token);
        if (before.DescribeChange(input) is { } change) throw Probes.Violation($"{Operation} modified its input: {change}");
        return "the input data set is unchanged";
    }

    private Task<string> InvalidInputAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        var profile = $"no-such-profile-{Guid.NewGuid():N}"[..24];
        return Probes.ExpectContractErrorAsync(ctx, $"the unknown profile '{profile}'", t => anonymizer.AnonymizeAsync(input, new AnonymizationRequest(profile), null, t));
    }

    private async Task<string> OutputAsync(CheckContext ctx)
    {
        var input = Input(ctx);
        var request = Request(ctx);
        var result = await anonymizer.AnonymizeAsync(input, request, null, ctx.Token);
        if (result is null) throw Probes.Violation($"{Operation} returned null");
        if (result.Dataset is null) throw Probes.Violation("AnonymizationResult.Dataset is null");
        if (ReferenceEquals(result.Dataset, input)) throw Probes.Violation($"{Operation} returned its input data set; the contract asks for a new one");
        if (result.ActionCounts is null) throw Probes.Violation("AnonymizationResult.ActionCounts is null");
        CheckNoSharedSequences(Operation, input, result.Dataset);
        if (string.Equals(request.Profile, "basic", StringComparison.OrdinalIgnoreCase))
        {
            // PS3.15 Table E.1-1: Patient's Name and Patient ID are Z (replaced by empty or dummy values) in the basic profile.
            foreach (var tag in new[] { DicomTag.PatientName, DicomTag.PatientID })
            {
                if (input.TryGetString(tag, out var original) && original.Length > 0
                    && result.Dataset.TryGetString(tag, out var now) && string.Equals(now, original, StringComparison.Ordinal))
                    throw Probes.Violation($"the basic profile kept {tag} '{original}' (PS3.15 Table E.1-1: Z)");
            }
        }
        return $"a new data set under profile '{request.Profile}', {Probes.Count(result.ActionCounts.Count, "action code")} counted";
    }

    private static DicomDataset Input(CheckContext ctx)
        => ctx.Options.AnonymizerInput ?? SyntheticStudy.Generate(ctx.Options.Study with { CtSlices = 1, MrSlices = 0, RichHeaders = true }).First().Dataset;

    private AnonymizationRequest Request(CheckContext ctx)
    {
        if (ctx.Options.AnonymizationRequest is { } request) return request;
        IReadOnlyList<string>? profiles;
        try { profiles = anonymizer.Profiles; }
        catch (Exception e) when (e is not OutOfMemoryException) { profiles = null; }
        return new AnonymizationRequest(profiles?.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)) ?? "basic");
    }
}
