using Imaging.Dicom;
using Imaging.Plugins.Folder.Source;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing;
using Microsoft.Extensions.Logging;

namespace Imaging.Plugins.Tests.Folder;

public sealed class FolderSourceTests : IDisposable
{
    private static readonly SyntheticStudyOptions Small = new() { CtSlices = 4, MrSlices = 3, Size = 16 };

    private readonly TempFolder _temp = new();
    private readonly ListLogger<FolderSource> _log = new();
    private readonly FolderSource _source;

    public FolderSourceTests() => _source = new FolderSource(_log);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReadAsync_SyntheticStudy_YieldsEveryFileInPathOrder()
    {
        var written = SyntheticStudy.WriteTo(_temp.Path, Small);

        var instances = await _source.ReadAsync(_temp.Path).ToListAsync();

        Assert.Equal(7, instances.Count);
        Assert.Equal(written.Select(Path.GetFullPath).Order(StringComparer.Ordinal), instances.Select(i => i.Location));
        Assert.Equal(["CT", "CT", "CT", "CT", "MR", "MR", "MR"], instances.Select(i => i.Dataset.GetString(DicomTag.Modality)));
        Assert.All(instances, i => Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, i.TransferSyntax));
    }

    [Fact]
    public async Task ReadAsync_NonDicomFile_SkippedWithLogLine()
    {
        SyntheticStudy.WriteTo(_temp.Path, Small);
        var readme = _temp.Combine("CT", "readme.txt");
        await File.WriteAllTextAsync(readme, "These are synthetic images; this line is not DICOM at all, just text that goes on for a while.");

        var instances = await _source.ReadAsync(_temp.Path).ToListAsync();

        Assert.Equal(7, instances.Count);
        Assert.DoesNotContain(instances, i => i.Location == readme);
        var line = Assert.Single(_log.Lines, l => l.Message.Contains(readme, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
    }

    [Fact]
    public async Task ReadAsync_HiddenFolderAndFile_NotRead()
    {
        var written = SyntheticStudy.WriteTo(_temp.Path, Small);
        Directory.CreateDirectory(_temp.Combine(".cache"));
        File.Copy(written[0], _temp.Combine(".cache", "copy.dcm"));
        File.Copy(written[0], _temp.Combine("CT", ".hidden.dcm"));

        var instances = await _source.ReadAsync(_temp.Path).ToListAsync();

        Assert.Equal(7, instances.Count);
        Assert.DoesNotContain(instances, i => i.Location!.Contains("/.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_SingleFile_YieldsIt()
    {
        var written = SyntheticStudy.WriteTo(_temp.Path, Small);

        var instance = Assert.Single(await _source.ReadAsync(written[2]).ToListAsync());

        Assert.Equal(Path.GetFullPath(written[2]), instance.Location);
        Assert.Equal(3, instance.Dataset.GetSingleValue<int>(DicomTag.InstanceNumber));
    }

    [Fact]
    public async Task ReadAsync_MissingLocation_ThrowsInvalidInputNamingIt()
    {
        var missing = _temp.Combine("no-such-folder");

        var e = await Assert.ThrowsAsync<InvalidInputException>(async () => await _source.ReadAsync(missing).ToListAsync());

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Progress_TotalIsCandidateFilesAndEndsComplete()
    {
        SyntheticStudy.WriteTo(_temp.Path, Small);
        await File.WriteAllTextAsync(_temp.Combine("notes.txt"), "not dicom");
        var progress = new RecordingProgress<ProgressReport>();

        await _source.ReadAsync(_temp.Path, progress).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 9).Select(i => (long)i), progress.Reports.Select(r => r.Completed));
        Assert.All(progress.Reports, r => Assert.Equal(8L, r.Total));
    }

    [Fact]
    public async Task ReadAsync_CancelledAfterFirstInstance_ThrowsOperationCanceled()
    {
        SyntheticStudy.WriteTo(_temp.Path, Small);
        using var cts = new CancellationTokenSource();
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _source.ReadAsync(_temp.Path, null, cts.Token))
            {
                seen++;
                await cts.CancelAsync();
            }
        });
        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task ReadAsync_InstancesAfterEnumeration_PixelDataStillReadable()
    {
        // 64 × 64 × 2 bytes = 8 KiB stays in memory; 300 × 300 × 2 = 180 KiB is deferred and read from the file later.
        SyntheticStudy.WriteTo(_temp.Path, new SyntheticStudyOptions { CtSlices = 2, MrSlices = 0, Size = 300 });
        var expected = SyntheticStudy.Generate(new SyntheticStudyOptions { CtSlices = 2, MrSlices = 0, Size = 300 }).ToList();

        var instances = await _source.ReadAsync(_temp.Path).ToListAsync();

        var pixels = (DicomElement)instances[0].Dataset[DicomTag.PixelData]!;
        Assert.False(pixels.Buffer.IsLoaded);
        for (int i = 0; i < 2; i++)
            Assert.Equal(TestImages.PixelBytes(expected[i].Dataset), TestImages.PixelBytes(instances[i].Dataset));
    }

    [Fact]
    public void CanRead_FolderFileAndMissing_TrueTrueFalse()
    {
        var written = SyntheticStudy.WriteTo(_temp.Path, Small);

        Assert.True(_source.CanRead(_temp.Path));
        Assert.True(_source.CanRead(written[0]));
        Assert.False(_source.CanRead(_temp.Combine("missing")));
        Assert.False(_source.CanRead(""));
    }
}
