using System.CommandLine;
using Imaging.Cli.Plugins;
using Imaging.Host;
using Imaging.Host.Guards;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging plugins verify PATH`: checks a plugin folder the way the host and the test kit would — manifest, SDK range,
/// shared assemblies not carried, load in an isolated host, then every capability against its contract (cancellation,
/// progress, no mutation of inputs, errors as contract exceptions). Exit 0 when everything passed, 1 otherwise.
/// </summary>
internal static class VerifyCommand
{
    private static readonly string[] SharedAssemblies =
        ["Imaging.Sdk.dll", "Imaging.Dicom.dll", "Microsoft.Extensions.DependencyInjection.Abstractions.dll", "Microsoft.Extensions.Logging.Abstractions.dll"];

    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH") { Description = "The plugin folder (holding plugin.json) or its plugin.json." };
        var cmd = new Command("verify", "Check a plugin folder: manifest, SDK range, loading, and each capability against its contract (the test kit's checks).") { path };
        cmd.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(path)!;
            try
            {
                return await RunAsync(target, stdout, stderr, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("imaging: cancelled");
                return 130;
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, target, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }

    private static async Task<int> RunAsync(string target, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var folder = Path.GetFullPath(File.Exists(target) ? Path.GetDirectoryName(Path.GetFullPath(target))! : target);
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"imaging: {target}: no such plugin folder");
            return Program.BadInput;
        }
        int failures = 0;
        void Line(bool ok, string what, string detail)
        {
            if (!ok) failures++;
            stdout.WriteLine($"  {(ok ? "pass" : "FAIL")}  {what,-24} {detail}");
        }

        stdout.WriteLine($"Verifying {folder}");
        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Load(folder);
            Line(true, "manifest", $"{manifest.Id} {manifest.Version}: {string.Join(", ", manifest.Capabilities.Select(CapabilityKinds.GetName))}; permissions {PluginManifest.FormatPermissions(manifest.Permissions)}");
        }
        catch (PluginManifestException e)
        {
            Line(false, "manifest", e.Message);
            return Summary(stdout, failures);
        }
        Line(manifest.IsCompatibleWith(SdkInfo.Version), "sdk range", $"{manifest.SdkRange} (host SDK {SdkInfo.Version.ToString(3)})");
        Line(File.Exists(Path.Combine(folder, manifest.EntryAssembly)), "entry assembly", manifest.EntryAssembly);
        var carried = SharedAssemblies.Where(a => File.Exists(Path.Combine(folder, a))).ToList();
        Line(carried.Count == 0, "shared assemblies", carried.Count == 0
            ? "none carried (the host's copies are used)"
            : $"the folder carries {string.Join(", ", carried)}: reference the SDK with ExcludeAssets=runtime; the host ignores these copies");

        var scratch = Path.Combine(Path.GetTempPath(), $"imaging-verify-{Guid.NewGuid():N}");
        try
        {
            var options = new HostOptions { AuditLogPath = Path.Combine(scratch, "audit.log") };
            options.PluginFolders.Add(folder);
            using var host = PluginHost.Start(options);
            var record = host.Plugins.FirstOrDefault();
            if (record is null || record.Status != PluginStatus.Loaded)
            {
                Line(false, "load", record?.Error ?? "the host found no plugin there");
                return Summary(stdout, failures);
            }
            Line(true, "load", $"{record.Capabilities.Count} capabilities in {record.LoadTime.TotalMilliseconds:0} ms");
            foreach (var capability in host.GetCapabilities(record.Id))
            {
                // The contract is checked on the plugin's own object, not on the host's permission guard around it.
                var inner = capability is IGuarded g ? (ICapability)g.Inner : capability;
                var results = await ContractVerifier.VerifyAsync(inner, new ContractVerifierOptions { TempDirectory = scratch }, ct).ConfigureAwait(false);
                foreach (var r in results)
                {
                    if (r.Outcome == ContractCheckOutcome.Skipped) stdout.WriteLine($"  skip  {$"{CapabilityKinds.GetName(r.Kind)}:{r.CapabilityName}",-24} {r.Check}: {r.Message}");
                    else Line(r.Outcome == ContractCheckOutcome.Passed, $"{CapabilityKinds.GetName(r.Kind)}:{r.CapabilityName}", $"{r.Check}{(r.Message.Length > 0 ? ": " + r.Message : "")}");
                }
            }
        }
        finally
        {
            try { if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
        return Summary(stdout, failures);
    }

    private static int Summary(TextWriter stdout, int failures)
    {
        stdout.WriteLine(failures == 0 ? "OK: the plugin passes every check." : $"{failures} check{(failures == 1 ? "" : "s")} failed.");
        return failures == 0 ? 0 : 1;
    }
}
