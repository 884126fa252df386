using System.Text;
using System.Text.Json;
using Imaging.Dicom;
using Imaging.Sdk.Testing;

namespace Imaging.Cli.Tests.Commands;

/// <summary>
/// `imaging anonymize IN OUT`: folder in → folder out through the toy anonymizer (tests/plugins/Fixture.Anonymizer,
/// chosen with --anonymizer tiny) and the shipped imaging.anonymizer plugin; refusals, skipped files, --map-out,
/// --report and reproducible pseudonyms with --secret-file.
/// </summary>
public sealed class AnonymizeCommandTests : IDisposable
{
    private const string OriginalName = "DOE^JANE";
    private const string OriginalId = "PID-DOE-4711";
    private const int Files = 4 + 2;

    private readonly TempFolder _temp = new();
    private readonly string _in;

    public AnonymizeCommandTests()
    {
        // The folder is named after the patient, as real exports often are: that name must not reach OUT.
        _in = _temp.File(Path.Combine("in", "Doe_Jane"));
        SyntheticStudy.WriteTo(_in, new SyntheticStudyOptions { CtSlices = 4, MrSlices = 2, Size = 16, PatientName = OriginalName, PatientId = OriginalId });
    }

    public void Dispose() => _temp.Dispose();

    private static string[] Toy(params string[] args) => [.. args, "--plugin-path", TestFiles.AnonymizerPluginFolder, "--anonymizer", "tiny"];

    private static List<string> Outputs(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Fact]
    public void Anonymize_FolderWithToy_EveryFileWrittenByItsUidsAndTheNameGone()
    {
        var output = _temp.File("out");
        var run = Cli.Run(Toy("anonymize", _in, output, "--jobs", "3"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{Files} files written, 0 skipped", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("actions: D 6, X 6", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("random secret", run.Stderr, StringComparison.Ordinal);
        var files = Outputs(output);
        Assert.Equal(Files, files.Count);
        foreach (var path in files)
        {
            var ds = DicomFile.Open(path).Dataset;
            Assert.Equal("FROM^MANIFEST", ds.GetString(DicomTag.PatientName));
            Assert.False(ds.Contains(DicomTag.PatientID));
            var expected = Path.Combine(output, ds.GetString(DicomTag.StudyInstanceUID), ds.GetString(DicomTag.SeriesInstanceUID), ds.GetString(DicomTag.SOPInstanceUID) + ".dcm");
            Assert.Equal(expected, path);
            Assert.DoesNotContain("Doe", path, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(-1, File.ReadAllBytes(path).AsSpan().IndexOf(Encoding.ASCII.GetBytes(OriginalName)));
        }
    }

    [Fact]
    public void Anonymize_SingleFileWithToy_OneOutput()
    {
        var output = _temp.File("one");
        var run = Cli.Run(Toy("anonymize", Path.Combine(_in, "CT", "IMG0001.dcm"), output));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(Outputs(output));
    }

    [Fact]
    public void Anonymize_OutInsideIn_RefusedAndNothingWritten()
    {
        var output = Path.Combine(_in, "anon");
        var run = Cli.Run(Toy("anonymize", _in, output));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("inside the input folder", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Anonymize_InInsideOut_Refused()
    {
        var run = Cli.Run(Toy("anonymize", _in, _temp.File("in")));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("exists and is not empty", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymize_OutThroughSymbolicLinkIntoIn_Refused()
    {
        var link = _temp.File("link-to-in");
        Directory.CreateSymbolicLink(link, _in);
        var run = Cli.Run(Toy("anonymize", _in, Path.Combine(link, "anon")));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("inside the input folder", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_in, "anon")));
    }

    [Fact]
    public void Anonymize_ExistingNonEmptyOut_RefusedAndLeftAlone()
    {
        var output = _temp.File("busy");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        var run = Cli.Run(Toy("anonymize", _in, output));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("exists and is not empty", run.Stderr, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(output, "keep.txt")], Outputs(output));
    }

    [Fact]
    public void Anonymize_EmptyExistingOut_Accepted()
    {
        var output = _temp.File("empty");
        Directory.CreateDirectory(output);
        var run = Cli.Run(Toy("anonymize", _in, output));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Files, Outputs(output).Count);
    }

    [Fact]
    public void Anonymize_JunkAndCutFiles_ReportedOneLineEachSkippedExit1()
    {
        File.WriteAllText(Path.Combine(_in, "notes.txt"), "not DICOM at all\n");
        var bytes = File.ReadAllBytes(Path.Combine(_in, "CT", "IMG0002.dcm"));
        File.WriteAllBytes(Path.Combine(_in, "CT", "cut.dcm"), bytes[..(bytes.Length / 3)]);
        var output = _temp.File("out");

        var run = Cli.Run(Toy("anonymize", _in, output));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{Files} files written, 2 skipped", run.Stdout, StringComparison.Ordinal);
        var skipLines = run.Stderr.Split('\n').Where(l => l.Contains(": skipped: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, skipLines.Count);
        Assert.Contains(skipLines, l => l.StartsWith($"imaging: {Path.Combine(_in, "notes.txt")}: skipped: unreadable", StringComparison.Ordinal));
        Assert.Contains(skipLines, l => l.StartsWith($"imaging: {Path.Combine(_in, "CT", "cut.dcm")}: skipped: unreadable", StringComparison.Ordinal));
        Assert.Equal(Files, Outputs(output).Count);
        Assert.DoesNotContain(Outputs(output), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Anonymize_ReportWithJunk_JsonParsesWithOneEntryPerInput()
    {
        File.WriteAllText(Path.Combine(_in, "notes.txt"), "not DICOM at all\n");
        var report = _temp.File("report.json");
        var output = _temp.File("out");

        var run = Cli.Run(Toy("anonymize", _in, output, "--report", report));

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(Files, root.GetProperty("written").GetInt32());
        Assert.Equal(1, root.GetProperty("skipped").GetInt32());
        Assert.Equal(Files, root.GetProperty("actions").GetProperty("D").GetInt32());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(Files + 1, files.Count);
        var junk = Assert.Single(files, f => f.GetProperty("input").GetString() == "notes.txt");
        Assert.StartsWith("unreadable", junk.GetProperty("skipped").GetString(), StringComparison.Ordinal);
        foreach (var f in files.Where(f => f.TryGetProperty("output", out _)))
        {
            Assert.True(File.Exists(Path.Combine(output, f.GetProperty("output").GetString()!)));
            Assert.Equal(1, f.GetProperty("actions").GetProperty("X").GetInt32());
            Assert.True(File.Exists(Path.Combine(_in, f.GetProperty("input").GetString()!)));
        }

        var again = Cli.Run(Toy("anonymize", _in, _temp.File("out2"), "--report", report));
        Assert.Equal(Program.BadInput, again.ExitCode);
        Assert.Contains("never overwrites", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymize_MapOutWithToy_OneRowPerOriginalAndIdRemoved()
    {
        var map = _temp.File("map.csv");
        var output = _temp.File("out");
        var run = Cli.Run(Toy("anonymize", _in, output, "--map-out", map));
        Assert.True(run.ExitCode == 0, run.ToString());

        var rows = File.ReadAllLines(map);
        Assert.Equal("attribute,original,replacement", rows[0]);
        Assert.Equal(rows.Skip(1).ToList(), rows.Skip(1).Distinct().ToList());
        Assert.Equal($"PatientID,{OriginalId},", rows[1]);
        var sops = rows.Where(r => r.StartsWith("SOPInstanceUID,", StringComparison.Ordinal)).Select(r => r.Split(',')).ToList();
        Assert.Equal(Files, sops.Count);
        Assert.All(sops, r => Assert.Equal(r[1], r[2])); // the toy keeps UIDs
        Assert.Equal(2, rows.Count(r => r.StartsWith("SeriesInstanceUID,", StringComparison.Ordinal)));
        Assert.Single(rows, r => r.StartsWith("StudyInstanceUID,", StringComparison.Ordinal));
    }

    [Fact]
    public void Anonymize_MapOutInsideOut_Refused()
    {
        var output = _temp.File("out");
        var run = Cli.Run(Toy("anonymize", _in, output, "--map-out", Path.Combine(output, "map.csv")));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("outside OUT", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymize_UnknownProfile_ClearErrorExit2()
    {
        var output = _temp.File("out");
        var run = Cli.Run("anonymize", _in, output, "--profile", "no-such-profile", "--plugin-path", TestFiles.AnonymizerPluginFolder);
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("no loaded anonymizer offers the profile 'no-such-profile'", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Anonymize_MissingOrEmptySecretFile_RefusedExit2()
    {
        var empty = _temp.File("empty.key");
        File.WriteAllBytes(empty, []);
        var missing = Cli.Run(Toy("anonymize", _in, _temp.File("o1"), "--secret-file", _temp.File("nope.key")));
        var blank = Cli.Run(Toy("anonymize", _in, _temp.File("o2"), "--secret-file", empty));
        Assert.Equal(Program.BadInput, missing.ExitCode);
        Assert.Contains("no such secret file", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(Program.BadInput, blank.ExitCode);
        Assert.Contains("secret file is empty", blank.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymize_BothDateShifts_RefusedExit2()
    {
        var run = Cli.Run(Toy("anonymize", _in, _temp.File("o"), "--date-shift-days", "-30", "--date-shift-from-secret"));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("one or the other", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymize_FolderWithShippedPlugin_NewUidsAndNoOriginalIdentifiers()
    {
        var output = _temp.File("out");
        var map = _temp.File("map.csv");
        var run = Cli.Run("anonymize", _in, output, "--map-out", map);

        Assert.True(run.ExitCode == 0, run.ToString());
        var files = Outputs(output);
        Assert.Equal(Files, files.Count);
        var inputSops = Directory.GetFiles(_in, "*.dcm", SearchOption.AllDirectories).Select(f => DicomFile.Open(f).Dataset.GetString(DicomTag.SOPInstanceUID)).ToHashSet();
        var mapRows = File.ReadAllLines(map).Skip(1).Select(r => r.Split(',')).ToList();
        foreach (var path in files)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(OriginalName)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(OriginalId)));
            var ds = DicomFile.Open(path).Dataset;
            var sop = ds.GetString(DicomTag.SOPInstanceUID);
            Assert.DoesNotContain(sop, inputSops);
            Assert.Equal(Path.GetFileName(path), sop + ".dcm");
            // --map-out: every output's UIDs are replacements of an input's.
            var row = Assert.Single(mapRows, r => r[0] == "SOPInstanceUID" && r[2] == sop);
            Assert.Contains(row[1], inputSops);
            Assert.Contains(mapRows, r => r[0] == "StudyInstanceUID" && r[2] == ds.GetString(DicomTag.StudyInstanceUID));
            Assert.Contains(mapRows, r => r[0] == "SeriesInstanceUID" && r[2] == ds.GetString(DicomTag.SeriesInstanceUID));
        }
        Assert.Equal(Files, mapRows.Count(r => r[0] == "SOPInstanceUID"));
        Assert.DoesNotContain(mapRows, r => r[0] == "PatientID" && r[2] == OriginalId);
    }

    [Fact]
    public void Anonymize_TwoRunsSameSecretFile_IdenticalUids()
    {
        var secret = _temp.File("site.key");
        File.WriteAllText(secret, "a site secret that keys every pseudonym");
        var first = Cli.Run("anonymize", _in, _temp.File("a"), "--secret-file", secret);
        var second = Cli.Run("anonymize", _in, _temp.File("b"), "--secret-file", secret);
        var unkeyed = Cli.Run("anonymize", _in, _temp.File("c"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(unkeyed.ExitCode == 0, unkeyed.ToString());
        Assert.DoesNotContain("random secret", first.Stderr, StringComparison.Ordinal);
        var a = Outputs(_temp.File("a")).Select(f => Path.GetRelativePath(_temp.File("a"), f)).ToList();
        var b = Outputs(_temp.File("b")).Select(f => Path.GetRelativePath(_temp.File("b"), f)).ToList();
        var c = Outputs(_temp.File("c")).Select(f => Path.GetRelativePath(_temp.File("c"), f)).ToList();
        Assert.Equal(Files, a.Count);
        Assert.Equal(a, b);
        Assert.Empty(a.Intersect(c));
    }

    [Fact]
    public void Anonymize_UnknownOptionWithShippedPlugin_OneErrorExit2AndNothingWritten()
    {
        var output = _temp.File("out");
        var run = Cli.Run("anonymize", _in, output, "--option", "retain-everything");
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("retain-everything", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(": skipped: ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(output) ? Outputs(output) : []);
    }

    [Fact]
    public async Task Anonymize_Cancelled_Exit130NoTemporaryFilesNoReport()
    {
        var output = _temp.File("out");
        var report = _temp.File("report.json");
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var stderr = new StringWriter();

        int code = await Program.RunAsync(Toy("anonymize", _in, output, "--report", report), new StringWriter(), stderr, cancel.Token);

        Assert.Equal(130, code);
        Assert.Contains("cancelled", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(report));
        Assert.DoesNotContain(Directory.Exists(output) ? Outputs(output) : [], f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public void Anonymize_MapInWithShippedPlugin_PatientIdFromTableAndInMapOut()
    {
        var table = _temp.File("patients.csv");
        File.WriteAllText(table, $"PatientID,Pseudonym\n{OriginalId},TRIAL-0042\n");
        var output = _temp.File("out");
        var mapOut = _temp.File("map-out.csv");

        var run = Cli.Run("anonymize", _in, output, "--map", table, "--map-out", mapOut);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(Outputs(output), f => Assert.Equal("TRIAL-0042", DicomFile.Open(f).Dataset.GetString(DicomTag.PatientID)));
        Assert.Contains($"PatientID,{OriginalId},TRIAL-0042", File.ReadAllLines(mapOut));
    }

    [Fact]
    public void Anonymize_MalformedMapWithShippedPlugin_OneErrorExit2()
    {
        var table = _temp.File("bad.csv");
        File.WriteAllText(table, "who,what\n");
        var run = Cli.Run("anonymize", _in, _temp.File("out"), "--map", table);
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("PatientID,Pseudonym", run.Stderr, StringComparison.Ordinal);
    }
}
