using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Imaging.Cli.Collection;
using Imaging.Cli.Plugins;
using Imaging.Dicom;
using Imaging.Host;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging demo`: the README's main job on the embedded default. Generates a synthetic study into a workspace,
/// summarises it like `imaging collection`, runs a plugin pipeline (folder source → gaussian filter → folder sink) through
/// the plugin host, and prints where everything went. Offline, a few seconds on 2 cores.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Marks a folder as an imaging workspace, so the demo may replace its own earlier output there.</summary>
    public const string Marker = ".imaging-workspace";

    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var workspace = new Option<string>("--workspace", "-w") { Description = "The workspace folder (created if missing).", DefaultValueFactory = _ => "imaging-workspace" };
        var ct = new Option<int>("--ct") { Description = "CT slices to generate (1 to 1000).", DefaultValueFactory = _ => 24 };
        ct.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--ct must be between 1 and 1000."); });
        var sigma = new Option<double>("--sigma") { Description = "Gaussian sigma in pixels for the filter step.", DefaultValueFactory = _ => 1.5 };
        var paths = HostFactory.PluginPathOption();
        var cmd = new Command("demo", "Generate a synthetic study in a workspace, index it, and run a plugin pipeline on it (source → filter → sink).")
        {
            workspace, ct, sigma, paths,
        };
        cmd.SetAction(async (parse, cancellationToken) =>
        {
            var ws = Path.GetFullPath(parse.GetValue(workspace)!);
            try
            {
                return await RunAsync(ws, parse.GetValue(ct), parse.GetValue(sigma), parse.GetValue(paths), stdout, stderr, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("imaging: cancelled");
                return 130;
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, ws, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }

    private static async Task<int> RunAsync(string ws, int ctSlices, double sigma, string[]? pluginPaths, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var total = Stopwatch.StartNew();
        if (!PrepareWorkspace(ws, stderr)) return Program.BadInput;
        string study = Path.Combine(ws, "study"), smoothed = Path.Combine(ws, "smoothed"), audit = Path.Combine(ws, "audit.log");

        // 1. A synthetic study (the same generator the tests use).
        var step = Stopwatch.StartNew();
        var options = new SyntheticStudyOptions { CtSlices = ctSlices, MrSlices = 12, Size = 128 };
        var files = SyntheticStudy.WriteTo(study, options);
        stdout.WriteLine(string.Create(inv, $"1. Synthetic study: {files.Count} files (CT {options.CtSlices} + MR {options.MrSlices} slices, {options.Size}x{options.Size}) in {study}  [{step.Elapsed.TotalSeconds:0.00} s]"));

        // 2. The collection summary, as `imaging collection` prints it.
        step.Restart();
        var collection = await CollectionScanner.ScanAsync(study, null, ct).ConfigureAwait(false);
        stdout.WriteLine(string.Create(inv, $"2. Collection ({collection.Summary()})  [{step.Elapsed.TotalSeconds:0.00} s]"));
        TableReport.WritePlain(collection, new IndentedWriter(stdout, "   "));

        // 3. The plugin host, and a pipeline through three plugin capabilities.
        step.Restart();
        using var host = HostFactory.Start(pluginPaths, audit);
        var loaded = host.Plugins.Count(p => p.Status == PluginStatus.Loaded);
        stdout.WriteLine(string.Create(inv, $"3. Plugin host: {loaded} of {host.Plugins.Count} plugins loaded in {host.StartupTime.TotalMilliseconds:0} ms ({string.Join(", ", host.Plugins.Select(p => $"{p.Id} {PluginTable.Status(p)}"))})"));
        var sources = host.GetRegistry<IDicomSource>();
        var filters = host.GetRegistry<IFilter>();
        var sinks = host.GetRegistry<IDicomSink>();
        var missing = new List<string>();
        if (!sources.TryGet("folder", out var source)) missing.Add("source 'folder' (plugin imaging.folder)");
        if (!filters.TryGet("gaussian", out var gaussian)) missing.Add("filter 'gaussian' (plugin imaging.filters)");
        if (!sinks.TryGet("folder", out var sink)) missing.Add("sink 'folder' (plugin imaging.folder)");
        if (missing.Count > 0)
        {
            stderr.WriteLine($"imaging: demo: missing {string.Join(", ", missing)}; run 'imaging plugins list' to see what loaded and why not");
            return 1;
        }
        var arguments = new CapabilityArguments([new("sigma", sigma.ToString("R", inv))]);
        var read = source!.ReadAsync(Path.Combine(study, "CT"), null, ct);
        var result = await sink!.WriteAsync(smoothed, Filter(read, gaussian!, arguments, ct), null, ct).ConfigureAwait(false);
        stdout.WriteLine(string.Create(inv, $"   source:folder → filter:gaussian (sigma {sigma}) → sink:folder: {result.Written} CT instances written  [{step.Elapsed.TotalSeconds:0.00} s]"));
        var outFolder = result.Locations.Count > 0 ? Path.GetDirectoryName(result.Locations[0])! : smoothed;
        stdout.WriteLine($"   {outFolder}");

        // 4. What the permissions did: the filter plugin has no 'phi' permission, so it received de-identified data.
        if (result.Locations.Count > 0)
        {
            var first = DicomFile.Open(result.Locations[0]).Dataset;
            var name = first.GetSingleValueOrDefault(DicomTag.PatientName, "");
            var removed = first.GetSingleValueOrDefault(DicomTag.PatientIdentityRemoved, "NO");
            stdout.WriteLine($"4. Permissions: imaging.filters has no 'phi' permission, so the host applied the policy '{host.ActivePolicy.Name}' before the filter saw each slice:");
            stdout.WriteLine($"   Patient Name '{options.PatientName}' → '{name}', Patient Identity Removed = {removed}; every PHI read is audited in {audit}");
        }
        // 5. A picture of the result: the middle CT slice of the filtered, de-identified output, with the file's window.
        if (result.Locations.Count > 0)
        {
            var middle = result.Locations.OrderBy(p => DicomFile.Open(p, new Dicom.IO.FileReadOptions { StopBeforePixelData = true }).Dataset
                .GetSingleValueOrDefault(DicomTag.InstanceNumber, 0)).ElementAt(result.Locations.Count / 2);
            var preview = Path.Combine(ws, "preview.png");
            File.WriteAllBytes(preview, Dicom.Imaging.Rendering.FrameRenderer.Render(DicomFile.Open(middle)).ToPng());
            stdout.WriteLine($"5. Preview: middle CT slice of the smoothed output → {preview}");
        }
        stdout.WriteLine(string.Create(inv, $"Done in {total.Elapsed.TotalSeconds:0.0} s. Workspace: {ws}"));
        stdout.WriteLine($"  study     {study}");
        stdout.WriteLine($"  smoothed  {smoothed}");
        stdout.WriteLine($"  audit     {audit}");
        stdout.WriteLine("Next: imaging dump <file>, imaging collection <folder>, imaging plugins list");
        return 0;
    }

    private static async IAsyncEnumerable<DicomInstance> Filter(IAsyncEnumerable<DicomInstance> input, IFilter filter, CapabilityArguments arguments, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var instance in input.WithCancellation(ct).ConfigureAwait(false))
        {
            var output = await filter.ApplyAsync(instance.Dataset, arguments, null, ct).ConfigureAwait(false);
            yield return new DicomInstance(output, DicomTransferSyntax.ExplicitVRLittleEndian, instance.Location);
        }
    }

    /// <summary>Creates the workspace, or clears the demo's earlier output in it; refuses a non-empty folder that is not a workspace.</summary>
    private static bool PrepareWorkspace(string ws, TextWriter stderr)
    {
        if (File.Exists(ws))
        {
            stderr.WriteLine($"imaging: {ws}: is a file, not a workspace folder");
            return false;
        }
        var marker = Path.Combine(ws, Marker);
        if (Directory.Exists(ws) && !File.Exists(marker) && Directory.EnumerateFileSystemEntries(ws).Any())
        {
            stderr.WriteLine($"imaging: {ws}: the folder exists and is not an imaging workspace (no {Marker}); choose another --workspace or an empty folder");
            return false;
        }
        Directory.CreateDirectory(ws);
        File.WriteAllText(marker, "Created by `imaging demo`; the demo replaces study/ and smoothed/ here on each run.\n");
        foreach (var own in new[] { "study", "smoothed" })
        {
            var path = Path.Combine(ws, own);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        return true;
    }

    /// <summary>Indents every line written through it.</summary>
    private sealed class IndentedWriter(TextWriter inner, string indent) : TextWriter
    {
        private bool _lineStart = true;

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (_lineStart && value != '\n') inner.Write(indent);
            inner.Write(value);
            _lineStart = value == '\n';
        }
    }
}
