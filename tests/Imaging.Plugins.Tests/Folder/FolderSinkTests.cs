using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Imaging.Dicom;
using Imaging.Plugins.Folder.Sink;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing;

namespace Imaging.Plugins.Tests.Folder;

public sealed partial class FolderSinkTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestFileOutput _output = new();
    private readonly FolderSink _sink;

    public FolderSinkTests() => _sink = new FolderSink(_output);

    public void Dispose() => _temp.Dispose();

    private string Destination => _temp.Combine("out");

    private static List<DicomInstance> Study(int ct = 2, int mr = 1)
        => [.. SyntheticStudy.Generate(new SyntheticStudyOptions { CtSlices = ct, MrSlices = mr, Size = 8 }).Select(f => new DicomInstance(f.Dataset))];

    private static string Hash8(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];

    [Fact]
    public async Task WriteAsync_SyntheticStudy_PatientStudySeriesLayout()
    {
        var instances = Study();
        var progress = new RecordingProgress<ProgressReport>();

        var result = await _sink.WriteAsync(Destination, instances.ToAsyncEnumerable(), progress);

        Assert.Equal(3, result.Written);
        for (int i = 0; i < 3; i++)
        {
            var ds = instances[i].Dataset;
            var modality = ds.GetString(DicomTag.Modality);
            var expected = Path.Combine(Destination, "SYN0001", ds.GetString(DicomTag.StudyInstanceUID),
                $"{modality}_{(modality == "CT" ? 1 : 2)}_{Hash8(ds.GetString(DicomTag.SeriesInstanceUID))}", ds.GetString(DicomTag.SOPInstanceUID) + ".dcm");
            Assert.Equal(expected, result.Locations[i]);
            Assert.True(File.Exists(expected), expected);
        }
        Assert.Equal(result.Locations, _output.Written);
        Assert.Equal([1L, 2L, 3L], progress.Reports.Select(p => p.Completed));
        Assert.Equal(result.Locations, progress.Reports.Select(p => p.Message));
    }

    [Fact]
    public async Task WriteAsync_MissingPatientId_UnknownFolder()
    {
        var instance = Study(1, 0)[0];
        instance.Dataset.Remove(DicomTag.PatientID);

        var result = await _sink.WriteAsync(Destination, new[] { instance }.ToAsyncEnumerable());

        Assert.Equal("unknown", Path.GetRelativePath(Destination, result.Locations[0]).Split(Path.DirectorySeparatorChar)[0]);
    }

    [Fact]
    public async Task WriteAsync_HostileHeaderValues_SafeNamesInsideDestination()
    {
        string[] patientIds = ["../../etc", "a/b", "a_b", "a\\b", new string('x', 300), "..", ".", ".hidden", "CON", "  ", "x\0y", "é/../ü"];
        var instances = new List<DicomInstance>();
        foreach (var id in patientIds)
        {
            var ds = Study(1, 0)[0].Dataset;
            ds.AddOrUpdate(DicomTag.PatientID, id);
            ds.AddOrUpdate(DicomTag.StudyInstanceUID, "../../../tmp");
            ds.AddOrUpdate(DicomTag.Modality, "/");
            ds.AddOrUpdate(DicomTag.SOPInstanceUID, "../evil" + instances.Count);
            instances.Add(new DicomInstance(ds));
        }

        var result = await _sink.WriteAsync(Destination, instances.ToAsyncEnumerable());

        Assert.Equal(patientIds.Length, result.Written);
        var root = Path.GetFullPath(Destination) + Path.DirectorySeparatorChar;
        foreach (var location in result.Locations)
        {
            Assert.StartsWith(root, Path.GetFullPath(location), StringComparison.Ordinal);
            var parts = Path.GetRelativePath(Destination, location).Split(Path.DirectorySeparatorChar);
            Assert.Equal(4, parts.Length);
            foreach (var part in parts[..3].Append(Path.GetFileNameWithoutExtension(parts[3])))
            {
                Assert.Matches(SafeComponent(), part);
                Assert.False(part.StartsWith('.') || part.EndsWith('.'), part);
                Assert.NotEqual("CON", part, StringComparer.OrdinalIgnoreCase);
            }
        }
        // Nothing escaped: the temp folder holds only the destination.
        Assert.Equal([Path.GetFullPath(Destination)], Directory.GetFileSystemEntries(_temp.Path));
        // Different hostile values stay apart: "a/b", "a_b" and "a\b" are three patients, not one.
        var patientFolders = result.Locations.Select(l => Path.GetRelativePath(Destination, l).Split(Path.DirectorySeparatorChar)[0]).ToList();
        Assert.Equal(patientFolders.Count, patientFolders.Distinct().Count());
        Assert.Equal("a_b", patientFolders[2]);
        Assert.Equal("unknown", patientFolders[9]);
    }

    [Fact]
    public async Task WriteAsync_ExistingDifferentFile_ThrowsInvalidInputAndKeepsIt()
    {
        var instance = Study(1, 0)[0];
        var first = await _sink.WriteAsync(Destination, new[] { instance }.ToAsyncEnumerable());
        var path = first.Locations[0];
        var original = await File.ReadAllBytesAsync(path);
        var changed = instance.Dataset.Clone();
        changed.AddOrUpdate(DicomTag.PatientName, "SOMEONE^ELSE");

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _sink.WriteAsync(Destination, new[] { instance.WithDataset(changed) }.ToAsyncEnumerable()));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(e.InnerException);
        Assert.Equal(original, await File.ReadAllBytesAsync(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task WriteAsync_ExistingIdenticalFile_CountsAsWritten()
    {
        var instances = Study();
        var first = await _sink.WriteAsync(Destination, instances.ToAsyncEnumerable());
        var stamps = first.Locations.Select(File.GetLastWriteTimeUtc).ToList();

        var second = await _sink.WriteAsync(Destination, instances.ToAsyncEnumerable());

        Assert.Equal(first.Locations, second.Locations);
        Assert.Equal(stamps, second.Locations.Select(File.GetLastWriteTimeUtc));
    }

    [Fact]
    public async Task WriteAsync_DestinationIsFile_ThrowsInvalidInput()
    {
        var file = _temp.Combine("file.txt");
        await File.WriteAllTextAsync(file, "x");

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _sink.WriteAsync(file, Study().ToAsyncEnumerable()));

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NoSopInstanceUid_ThrowsInvalidInput()
    {
        var instance = Study(1, 0)[0];
        instance.Dataset.Remove(DicomTag.SOPInstanceUID);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _sink.WriteAsync(Destination, new[] { instance }.ToAsyncEnumerable()));

        Assert.Contains("SOP Instance UID", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_CancelledAfterFirstInstance_StopsWithNoPartialFiles()
    {
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress<ProgressReport>(_ => cts.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _sink.WriteAsync(Destination, Study(3, 0).ToAsyncEnumerable(), progress, cts.Token));

        var files = Directory.GetFiles(Destination, "*", SearchOption.AllDirectories);
        Assert.Single(files);
        Assert.EndsWith(".dcm", files[0], StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeComponent();
}
