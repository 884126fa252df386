using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Imaging.Benchmarks.Bdn;

/// <summary>
/// `bdn`: runs the BenchmarkDotNet benchmarks with a short job. They run in this process (in-process emit toolchain):
/// BenchmarkDotNet's default would generate and build a separate project, which does not fit this repository's
/// per-engineer artifacts folders and costs minutes on a 2-core machine. Extra arguments go to BenchmarkDotNet
/// (e.g. --filter '*CtSlice*').
/// </summary>
internal static class BdnCommand
{
    public static int Run(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "imaging-bdn-artifacts"));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BdnCommand).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
