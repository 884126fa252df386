using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Host;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;

namespace Imaging.Scripting;

/// <summary>
/// The analyst's front door: what every script, REPL submission and notebook cell sees as globals. DICOM verbs that
/// feel like MATLAB's (<c>Open</c> ≈ dicomread, <c>Info</c> ≈ dicominfo, <c>Series</c> ≈ dicomCollection grouped by series),
/// the plugins by capability (<c>Filters["gaussian"]</c>, <c>Anonymize(ds)</c>), the workspace, logging, <c>Args</c>
/// and a <c>CancellationToken</c> that Ctrl+C cancels. Its public surface uses only BCL, Imaging.Dicom and Imaging.Sdk
/// types (plus <see cref="DicomSeries"/>), so scripts never see host or plugin implementation types.
/// </summary>
public partial class ScriptGlobals
{
    private readonly Lazy<PluginHost> _lazyHost;

    /// <summary>Creates the globals over a running plugin host.</summary>
    public ScriptGlobals(PluginHost host, IReadOnlyList<string> args, string baseDirectory, TextWriter output, TextWriter log, CancellationToken cancellationToken)
        : this(new Lazy<PluginHost>(host), args, baseDirectory, output, log, cancellationToken)
    {
    }

    /// <summary>
    /// Creates the globals over a plugin host started on first use (the first touch of a registry, <c>Filter</c> or
    /// <c>Anonymize</c>), so scripts that only read files do not pay for plugin discovery. The caller disposes the host if
    /// <see cref="Lazy{T}.IsValueCreated"/>.
    /// </summary>
    public ScriptGlobals(Lazy<PluginHost> host, IReadOnlyList<string> args, string baseDirectory, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        _lazyHost = host;
        Args = args;
        BaseDirectory = Path.GetFullPath(baseDirectory);
        Out = output;
        LogWriter = log;
        CancellationToken = cancellationToken;
    }

    /// <summary>The arguments after <c>--</c> on the command line.</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>Cancelled when the user presses Ctrl+C; pass it to long operations (plugins honour it).</summary>
    public CancellationToken CancellationToken { get; internal set; }

    /// <summary>
    /// The folder relative paths are resolved against: the current folder (for <c>imaging run</c> too, so paths in
    /// <see cref="Args"/> mean what they mean on the command line; <c>#load</c>/<c>#r</c> are relative to the script itself).
    /// </summary>
    public string BaseDirectory { get; }

    /// <summary>The running script's full path (<c>imaging run</c>), or null in the REPL and notebooks.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>The running script's folder, or <see cref="BaseDirectory"/> when there is no script file.</summary>
    public string ScriptDirectory => ScriptPath is null ? BaseDirectory : Path.GetDirectoryName(ScriptPath)!;

    /// <summary>Where <see cref="Print"/> writes (standard output).</summary>
    public TextWriter Out { get; }

    /// <summary>Where <see cref="Log"/> writes (standard error).</summary>
    public TextWriter LogWriter { get; }

    /// <summary>Writes <paramref name="value"/> on a line of its own.</summary>
    public void Print(object? value) => Out.WriteLine(value);

    /// <summary>Writes a log line to standard error (kept apart from the script's output).</summary>
    public void Log(string message) => LogWriter.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    /// <summary>Resolves <paramref name="path"/> against <see cref="BaseDirectory"/>.</summary>
    public string PathOf(string path) => Path.GetFullPath(path, BaseDirectory);

    /// <summary>Opens a DICOM file (Part 10 or a bare data set): the whole file, like MATLAB's <c>dicomread</c> + <c>dicominfo</c>.</summary>
    public DicomFile Open(string path) => DicomFile.Open(PathOf(path));

    /// <summary>Reads a file's header only (stops before Pixel Data), like MATLAB's <c>dicominfo</c>.</summary>
    public DicomDataset Info(string path) => DicomFile.Open(PathOf(path), new FileReadOptions { StopBeforePixelData = true }).Dataset;

    /// <summary>
    /// Every DICOM file under <paramref name="folder"/> (recursively; hidden folders and non-DICOM files skipped), read
    /// with large values left in the file until touched.
    /// </summary>
    public IReadOnlyList<DicomFile> Files(string folder)
    {
        var root = PathOf(folder);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root}: no such folder");
        var files = new List<DicomFile>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            CancellationToken.ThrowIfCancellationRequested();
            if (Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))) continue;
            try
            {
                files.Add(DicomFile.Open(path, new FileReadOptions { DeferValuesLongerThan = 64 * 1024 }));
            }
            catch (DicomException)
            {
                // Not DICOM or unreadable: skipped, as `imaging collection` lists them apart.
            }
        }
        return files;
    }

    /// <summary>The series under <paramref name="folder"/>, each with its instances sorted by geometry; ordered by patient, study, series number.</summary>
    public IReadOnlyList<DicomSeries> Series(string folder)
        => [.. Files(folder)
            .GroupBy(f => f.Dataset.GetSingleValueOrDefault(DicomTag.SeriesInstanceUID, ""))
            .Select(g => new DicomSeries(g.Key, DicomSeries.SortByGeometry(g)))
            .OrderBy(s => s.PatientId, StringComparer.Ordinal).ThenBy(s => s.StudyInstanceUid, StringComparer.Ordinal).ThenBy(s => s.Number)];

    private PluginHost RunningHost => _lazyHost.Value;

    /// <summary>Sources by name (e.g. <c>Sources["folder"]</c>).</summary>
    public ICapabilityRegistry<IDicomSource> Sources => RunningHost.GetRegistry<IDicomSource>();

    /// <summary>Sinks by name (e.g. <c>Sinks["folder"]</c>).</summary>
    public ICapabilityRegistry<IDicomSink> Sinks => RunningHost.GetRegistry<IDicomSink>();

    /// <summary>Filters by name (e.g. <c>Filters["gaussian"]</c>).</summary>
    public ICapabilityRegistry<IFilter> Filters => RunningHost.GetRegistry<IFilter>();

    /// <summary>Anonymizers by name.</summary>
    public ICapabilityRegistry<IAnonymizer> Anonymizers => RunningHost.GetRegistry<IAnonymizer>();

    /// <summary>AI models by name.</summary>
    public ICapabilityRegistry<IAiModel> Models => RunningHost.GetRegistry<IAiModel>();

    /// <summary>Codecs by name.</summary>
    public ICapabilityRegistry<ICodec> Codecs => RunningHost.GetRegistry<ICodec>();

    /// <summary>PACS connectors by name.</summary>
    public ICapabilityRegistry<IPacsConnector> Pacs => RunningHost.GetRegistry<IPacsConnector>();

    /// <summary>One line per plugin found: id, version, status, capabilities or the reason it did not load.</summary>
    public IReadOnlyList<string> Plugins
        => [.. RunningHost.Plugins.Select(p => $"{p.Id} {p.Version} {p.Status.ToString().ToLowerInvariant()}: {(p.Error ?? string.Join(" ", p.Capabilities))}")];

    /// <summary>Applies filter <paramref name="name"/> with <c>name=value</c> arguments (e.g. <c>Filter(ds, "gaussian", "sigma=2")</c>).</summary>
    public Task<DicomDataset> Filter(DicomDataset dataset, string name, params string[] arguments)
        => Filters[name].ApplyAsync(dataset, CapabilityArguments.Parse(arguments), null, CancellationToken);

    /// <summary>
    /// De-identifies <paramref name="dataset"/> with the first anonymizer offering <paramref name="profile"/> (PS3.15
    /// Annex E), with options such as <c>retain-uids</c>.
    /// </summary>
    /// <exception cref="Imaging.Sdk.CapabilityNotFoundException">No loaded anonymizer offers the profile.</exception>
    public async Task<DicomDataset> Anonymize(DicomDataset dataset, string profile = "basic", params string[] options)
    {
        var anonymizer = Anonymizers.FirstOrDefault(a => a.Profiles.Contains(profile, StringComparer.OrdinalIgnoreCase))
            ?? throw new Imaging.Sdk.CapabilityNotFoundException(Imaging.Sdk.CapabilityKind.Anonymizer, profile, Anonymizers.Names);
        var result = await anonymizer.AnonymizeAsync(dataset, new AnonymizationRequest(profile) { Options = options }, null, CancellationToken).ConfigureAwait(false);
        return result.Dataset;
    }
}
