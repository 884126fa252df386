using System.Collections.Concurrent;
using System.Security.Cryptography;
using Imaging.Dicom;
using Imaging.Plugins.Anonymizer.Engine;
using Imaging.Plugins.Anonymizer.Iod;
using Imaging.Plugins.Anonymizer.Privacy;
using Imaging.Plugins.Anonymizer.Profile;
using Imaging.Plugins.Anonymizer.Pseudonyms;
using Imaging.Plugins.Anonymizer.Settings;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Anonymizer;

/// <summary>
/// The <c>ps315</c> anonymizer: the Basic Application Level Confidentiality Profile of PS3.15 Annex E (profile
/// <c>basic</c>), driven by Table E.1-1 as published (embedded at build time), with every option of its columns
/// (<c>retain-safe-private</c>, <c>retain-uids</c>, <c>retain-device-identity</c>, <c>retain-institution-identity</c>,
/// <c>retain-patient-characteristics</c>, <c>retain-long-full-dates</c>, <c>retain-long-modified-dates</c>,
/// <c>clean-descriptors</c>, <c>clean-structured-content</c>, <c>clean-graphics</c>).
/// Settings: <c>secret</c> (hex or base64; without it a random secret is drawn once per anonymizer instance — i.e. per
/// process for the host's singleton — so pseudonyms are consistent within the process only), <c>map</c> (CSV
/// PatientID,Pseudonym), <c>date-shift-days</c> or <c>date-shift-from-secret</c> (either implies
/// <c>retain-long-modified-dates</c>), <c>safe-private-file</c>, <c>burned-in-modalities</c>, <c>allow-burned-in</c>.
/// </summary>
public sealed class Ps315Anonymizer : IAnonymizer
{
    private readonly Lazy<ProfileTable> _table = new(ProfileTable.LoadEmbedded);
    private readonly Lazy<IodCatalog> _iods = new(IodCatalog.LoadEmbedded);
    private readonly byte[] _processSecret = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<(string Path, DateTime Written, long Length), object> _files = new();

    /// <inheritdoc />
    public string Name => "ps315";

    /// <inheritdoc />
    public string Description => "PS3.15 Annex E Basic Application Level Confidentiality Profile with every option, keyed pseudonyms and date shifting.";

    /// <inheritdoc />
    public IReadOnlyList<string> Profiles { get; } = ["basic"];

    /// <summary>The option names <see cref="AnonymizationRequest.Options"/> accepts (PS3.15 Table E.1-1 columns).</summary>
    public static IReadOnlyList<string> OptionNames { get; } = [.. ProfileOption.All.Select(o => o.Name)];

    /// <summary>The setting names <see cref="AnonymizationRequest.Settings"/> accepts.</summary>
    public static IReadOnlyList<string> SettingNames => AnonymizerSettings.Names;

    /// <inheritdoc />
    public Task<AnonymizationResult> AnonymizeAsync(DicomDataset input, AnonymizationRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var result = Anonymize(input, request, cancellationToken);
        progress?.Report(new ProgressReport(1, 1, "de-identified"));
        return Task.FromResult(result);
    }

    private AnonymizationResult Anonymize(DicomDataset input, AnonymizationRequest request, CancellationToken cancellationToken)
    {
        if (!Profiles.Contains(request.Profile.Trim(), StringComparer.OrdinalIgnoreCase))
            throw new InvalidInputException($"unknown anonymization profile '{request.Profile}'; {Name} implements: {string.Join(", ", Profiles)}.");
        var settings = AnonymizerSettings.Parse(request.Settings);
        var options = ParseOptions(request.Options, settings);
        BurnedInTextPolicy.Check(input, settings);

        var hash = new KeyedHash(settings.Secret ?? _processSecret);
        var map = settings.MapPath is { } mapPath ? Cached(mapPath, () => MappingTable.Read(mapPath)) : null;
        var patientId = input.TryGetString(DicomTag.PatientID, out var pid) ? pid.Trim() : "";
        DateShifter? dates = null;
        if (options.Any(o => o.Name == "retain-long-modified-dates"))
            dates = new DateShifter(settings.DateShiftDays ?? DateShifter.DaysFromSecret(hash, patientId));
        SafePrivateList? safe = null;
        if (options.Any(o => o.Name == "retain-safe-private"))
            safe = settings.SafePrivateFile is { } f ? Cached(f, () => ReadSafePrivate(f)) : Cached("<built-in>", () => new SafePrivateList(SafePrivateList.BuiltIn));

        var output = input.Clone();
        var context = new RunContext(_table.Value, _iods.Value, new ActionResolver(options), options, hash, new UidRemapper(hash),
            new PatientPseudonyms(hash, map), dates, safe, new TextCleaner(input),
            input.TryGetString(DicomTag.SOPClassUID, out var sopClass) ? sopClass.Trim() : null);
        var deidentifier = new DatasetDeidentifier(context, cancellationToken);
        deidentifier.Run(output);
        DeidentificationRecord.Write(output, options, dates is not null);
        return new AnonymizationResult(output, deidentifier.Counts);
    }

    private static List<ProfileOption> ParseOptions(IReadOnlyList<string> names, AnonymizerSettings settings)
    {
        var options = new List<ProfileOption>();
        foreach (var name in names)
        {
            var option = ProfileOption.Find(name)
                ?? throw new InvalidInputException($"unknown anonymization option '{name}'; valid options: {string.Join(", ", ProfileOption.All.Select(o => o.Name))}.");
            if (!options.Contains(option)) options.Add(option);
        }
        if ((settings.DateShiftDays is not null || settings.DateShiftFromSecret) && options.All(o => o.Name != "retain-long-modified-dates"))
            options.Add(ProfileOption.Find("retain-long-modified-dates")!);
        if (options.Any(o => o.Name == "retain-long-full-dates") && options.Any(o => o.Name == "retain-long-modified-dates"))
            throw new InvalidInputException("retain-long-full-dates and retain-long-modified-dates (or a date shift setting) exclude each other.");
        // Table E.1-1 column order, so the De-identification Method Code Sequence is the same whatever the request order.
        return [.. ProfileOption.All.Where(options.Contains)];
    }

    private static SafePrivateList ReadSafePrivate(string path)
    {
        try { return new SafePrivateList([.. SafePrivateList.BuiltIn, .. File.ReadAllLines(path)]); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new InvalidInputException($"cannot use the safe-private file '{path}': {e.Message}", e);
        }
    }

    private T Cached<T>(string path, Func<T> read) where T : class
    {
        var info = new FileInfo(path);
        var key = info.Exists ? (info.FullName, info.LastWriteTimeUtc, info.Length) : (path, DateTime.MinValue, -1L);
        if (!info.Exists) return read(); // reports the missing file
        return (T)_files.GetOrAdd(key, _ => read());
    }
}
