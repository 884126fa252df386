using System.Runtime.CompilerServices;
using System.Text.Json;
using Imaging.Dicom;

namespace Imaging.Cli.Tests.PhiScan;

/// <summary>
/// A temp folder of small DICOM files for the phi-scan tests: <see cref="Clean"/> builds a data set that looks
/// de-identified (pseudonym ID and name, Patient Identity Removed YES, no PHI), which each test then spoils one way.
/// </summary>
internal sealed class PhiScanFolder : IDisposable
{
    public const string Pseudonym = "PSEUDO7F3A";

    private readonly TempFolder _temp = new();

    public string Path => _temp.Path;

    public static DicomDataset Clean(string sopInstance = "2.25.1001") => new DicomDataset()
        .AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 100")
        .AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2")
        .AddOrUpdate(DicomTag.SOPInstanceUID, sopInstance)
        .AddOrUpdate(DicomTag.StudyInstanceUID, "2.25.2002")
        .AddOrUpdate(DicomTag.SeriesInstanceUID, "2.25.3003")
        .AddOrUpdate(DicomTag.StudyDate, "20000115")
        .AddOrUpdate(DicomTag.Modality, "CT")
        .AddOrUpdate(DicomTag.PatientName, Pseudonym)
        .AddOrUpdate(DicomTag.PatientID, Pseudonym)
        .AddOrUpdate(DicomTag.PatientSex, "O")
        .AddOrUpdate(DicomTag.PatientIdentityRemoved, "YES")
        .AddOrUpdate(DicomTag.DeidentificationMethod, "PS3.15 Basic Profile")
        .AddOrUpdate(DicomTag.BurnedInAnnotation, "NO");

    /// <summary>Saves <paramref name="dataset"/> as Part 10 under the folder and returns the path.</summary>
    public string Save(DicomDataset dataset, string name = "IMG0001.dcm")
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        new DicomFile(dataset).Save(path);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>A phi-scan run with its JSON parsed.</summary>
internal sealed record PhiScanRun(Cli Run, JsonElement Json)
{
    public static PhiScanRun Scan(params string[] args)
    {
        var run = Cli.Run(["phi-scan", .. args, "--format", "json"]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        return new PhiScanRun(run, doc.RootElement.Clone());
    }

    public IReadOnlyList<JsonElement> Findings => [.. Json.GetProperty("findings").EnumerateArray()];

    public IReadOnlyList<JsonElement> Rule(string rule) => [.. Findings.Where(f => f.GetProperty("rule").GetString() == rule)];

    public override string ToString() => Run.ToString();
}

/// <summary>Finds shared/dicom-standard beside the clone (DESIGN.md), from the test binaries or this source file.</summary>
internal static class StandardTables
{
    public static string ConfidentialityProfile => System.IO.Path.Combine(Find(), "confidentiality_profile_attributes.json");

    public static string Attributes => System.IO.Path.Combine(Find(), "attributes.json");

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "dicom-standard");
                if (File.Exists(System.IO.Path.Combine(candidate, "attributes.json"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("shared/dicom-standard not found above the tests");
    }
}
