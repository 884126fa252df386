using System.Runtime.CompilerServices;
using Imaging.Dicom;
using Imaging.Host.Composition;
using Imaging.Host.Guards;
using Imaging.Host.Security;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;
using Imaging.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Host.Tests.Security;

/// <summary>
/// Paths by which PHI or permissions could leak past the guards (found in review): instance locations and progress
/// messages reaching holders without <c>phi</c>, registries letting a plugin use another plugin's file-write or network
/// permission, query strings in the audit log, and concurrent audit writers overwriting each other.
/// </summary>
public sealed class HardeningTests
{
    private static readonly AllowListPolicy Policy = new(TestHost.Secret);

    [Fact]
    public async Task DeidentifyingSource_HolderWithoutPhi_GetsNoLocationNoMessagesNoIdentity()
    {
        var source = new DeidentifyingSource(new FakeSource(), () => Policy);
        var reports = new List<ProgressReport>();
        var progress = new SynchronousProgress(reports.Add);

        var seen = new List<DicomInstance>();
        await foreach (var i in source.ReadAsync("/data/DOE_JANE_PHI-12345", progress)) seen.Add(i);

        var instance = Assert.Single(seen);
        Assert.Null(instance.Location);
        Assert.Equal("", instance.Dataset.GetString(DicomTag.PatientName));
        Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian, instance.TransferSyntax);
        var report = Assert.Single(reports);
        Assert.Equal((1L, (long?)1), (report.Completed, report.Total));
        Assert.Null(report.Message);
    }

    [Fact]
    public void Registries_HolderWithoutFileWrite_DoesNotSeeSinksOfPluginsThatHaveIt()
    {
        var writer = Guard(new FakeSink("writes"), PluginPermissions.FileSystemWrite | PluginPermissions.Phi);
        var plain = Guard(new FakeSink("plain"), PluginPermissions.None);
        var set = new CapabilitySet([writer, plain]);

        var without = Registry<IDicomSink>(set, PluginPermissions.None);
        var with = Registry<IDicomSink>(set, PluginPermissions.FileSystemWrite);

        Assert.Equal(["plain"], without.Names);
        Assert.False(without.TryGet("writes", out _));
        Assert.Equal(["plain", "writes"], with.Names);
    }

    [Fact]
    public void Registries_HolderWithNetworkButNoPhi_GetsDeidentifyingPacsConnectors()
    {
        var set = new CapabilitySet([Guard(new FakePacs(), PluginPermissions.Network | PluginPermissions.Phi)]);

        var connector = Registry<IPacsConnector>(set, PluginPermissions.Network)["fake-pacs"];

        Assert.IsType<DeidentifyingPacsConnector>(connector);
        Assert.IsNotType<DeidentifyingPacsConnector>(Registry<IPacsConnector>(set, PluginPermissions.Network | PluginPermissions.Phi)["fake-pacs"]);
    }

    [Fact]
    public async Task DeidentifyingPacsConnector_FindResults_PassThePolicy()
    {
        var connector = new DeidentifyingPacsConnector(new FakePacs(), () => Policy);
        var matches = new List<DicomDataset>();
        await foreach (var m in connector.FindAsync(new PacsEndpoint(new Uri("dicom://PEER@127.0.0.1:104")), QueryLevel.Study, new DicomDataset())) matches.Add(m);

        Assert.Equal("", Assert.Single(matches).GetString(DicomTag.PatientName));
    }

    [Fact]
    public async Task NetworkAudit_HttpRequest_RecordsNoQueryString()
    {
        using var temp = new TempFolder();
        var log = new JsonLinesAuditLog(temp.Combine("audit.log"));
        using var client = new AuditedNetworkAccess(log, "fixture.web").CreateHttpClient("qido");

        // Port 9 on loopback refuses: the request is audited before it is sent.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("http://127.0.0.1:9/studies?PatientName=DOE%5EJANE&PatientID=PHI-12345"));

        var line = Assert.Single(AuditLine.ReadAll(log.Path));
        Assert.Equal("GET http://127.0.0.1:9/studies", line.Target);
        Assert.DoesNotContain("DOE", File.ReadAllText(log.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_TwoWritersOnOneFile_KeepEveryLine()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("audit.log");
        var a = new JsonLinesAuditLog(path);
        var b = new JsonLinesAuditLog(path); // two hosts (or processes) on the same log: separate locks in-process

        await Task.WhenAll(
            Task.Run(() => { for (int i = 0; i < 300; i++) a.Record(new AuditEvent("plugin.a", AuditAction.FileWrite, "sink:a", $"a{i}")); }),
            Task.Run(() => { for (int i = 0; i < 300; i++) b.Record(new AuditEvent("plugin.b", AuditAction.Network, "pacs:b", $"b{i}")); }));

        var lines = AuditLine.ReadAll(path);
        Assert.Equal(600, lines.Count);
        Assert.Equal(300, lines.Count(l => l.Plugin == "plugin.a"));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"b{i}"), lines.Where(l => l.Plugin == "plugin.b").Select(l => l.Target));
    }

    [Fact]
    public void PluginAuditLog_PluginSuppliedTime_ReplacedByHostClock()
    {
        using var temp = new TempFolder();
        var log = new JsonLinesAuditLog(temp.Combine("audit.log"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        new PluginAuditLog(log, "fixture.probe").Record(new AuditEvent("imaging.folder", AuditAction.PhiRead, "x", "y") { Time = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        var line = Assert.Single(AuditLine.ReadAll(log.Path));
        Assert.Equal("fixture.probe", line.Plugin);
        Assert.True(line.Time >= before, $"time {line.Time:O} was not stamped by the host");
    }

    private static ICapabilityRegistry<T> Registry<T>(CapabilitySet set, PluginPermissions holder) where T : class, ICapability
    {
        var services = new ServiceCollection();
        new RegistryViews(() => set, () => Policy).AddTo(services, holder);
        return services.BuildServiceProvider().GetRequiredService<ICapabilityRegistry<T>>();
    }

    private static ICapability Guard(ICapability c, PluginPermissions permissions)
    {
        var guard = new GuardContext("owner." + c.Name, permissions, () => Policy, new JsonLinesAuditLog(Path.Combine(Path.GetTempPath(), "imaging-host-tests", "unused-audit.log")), c.Name);
        return c switch
        {
            IDicomSink s => new GuardedSink(s, guard),
            IPacsConnector p => new GuardedPacsConnector(p, guard),
            _ => throw new ArgumentException(c.GetType().Name),
        };
    }

    private sealed class SynchronousProgress(Action<ProgressReport> report) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => report(value);
    }

    private sealed class FakeSource : IDicomSource
    {
        public string Name => "fake";
        public string Description => "one instance with PHI, at a path naming the patient";
        public bool CanRead(string location) => true;

        public async IAsyncEnumerable<DicomInstance> ReadAsync(string location, IProgress<ProgressReport>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            progress?.Report(new ProgressReport(1, 1, $"read {location}/IMG0001.dcm"));
            yield return new DicomInstance(PhiDataset.Create(), DicomTransferSyntax.ImplicitVRLittleEndian, $"{location}/IMG0001.dcm");
        }
    }

    private sealed class FakeSink(string name) : IDicomSink
    {
        public string Name => name;
        public string Description => "counts";

        public async Task<SinkResult> WriteAsync(string destination, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        {
            int n = 0;
            await foreach (var _ in instances.WithCancellation(cancellationToken)) n++;
            return new SinkResult(n, []);
        }
    }

    private sealed class FakePacs : IPacsConnector
    {
        public string Name => "fake-pacs";
        public string Description => "answers every query with one PHI match";
        public IReadOnlyList<string> Schemes => ["dicom"];
        public Task EchoAsync(PacsEndpoint endpoint, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public async IAsyncEnumerable<DicomDataset> FindAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset query, IProgress<ProgressReport>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return PhiDataset.Create();
        }

        public IAsyncEnumerable<DicomInstance> RetrieveAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset identifier, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
            => AsyncEnumerable.Empty<DicomInstance>();

        public Task<int> StoreAsync(PacsEndpoint endpoint, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
            => Task.FromResult(0);
    }
}
