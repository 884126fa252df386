using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Tests.Contracts.Samples;

/// <summary>A toy "basic" anonymizer (names and IDs replaced, birth date and private tags removed); well behaved unless given <see cref="Flaws"/>.</summary>
public sealed class BasicAnonymizer(Flaws flaws = Flaws.None) : IAnonymizer
{
    private static readonly Dictionary<string, string> Methods = new(StringComparer.Ordinal) { ["basic"] = "PS3.15 E.1 basic (toy)" };

    public string Name => "toy";

    public string Description => "Replaces names and IDs, removes birth date and private tags.";

    public IReadOnlyList<string> Profiles { get; } = ["basic"];

    public async Task<AnonymizationResult> AnonymizeAsync(DicomDataset input, AnonymizationRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!flaws.HasFlag(Flaws.IgnoresCancellation)) cancellationToken.ThrowIfCancellationRequested();
        string method = flaws.HasFlag(Flaws.RawExceptionOnBadInput)
            ? Methods[request.Profile]
            : Methods.TryGetValue(request.Profile, out var m) ? m : throw new InvalidInputException($"Unknown profile '{request.Profile}'; known: basic.");
        await Task.Yield();
        var output = flaws.HasFlag(Flaws.ReturnsInput) ? new DicomDataset(input) : input.Clone();
        output.AddOrUpdate(DicomTag.PatientName, "ANONYMOUS");
        output.AddOrUpdate(DicomTag.PatientID, "ANON0001");
        output.Remove(DicomTag.PatientBirthDate);
        int removed = output.Count;
        output.Remove(item => item.Tag.IsPrivate);
        removed -= output.Count;
        output.AddOrUpdate(DicomTag.PatientIdentityRemoved, "YES");
        output.AddOrUpdate(DicomTag.DeidentificationMethod, method);
        if (flaws.HasFlag(Flaws.MutatesInput)) input.AddOrUpdate(DicomTag.PatientIdentityRemoved, "YES");
        if (!flaws.HasFlag(Flaws.NoProgress)) progress?.Report(new ProgressReport(1, 1));
        return new AnonymizationResult(output, new Dictionary<string, int> { ["Z"] = 2, ["X"] = removed + 1 });
    }
}
