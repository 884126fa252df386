using System.Diagnostics;
using System.Text;
using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Plugins.Anonymizer;
using Imaging.Plugins.Tests.Fixtures;
using static Imaging.Plugins.Tests.Anonymizer.AnonymizerTestData;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>
/// pydicom's real test files: after the basic profile the original Patient's Name and Patient ID (when ≥ 3 characters)
/// are nowhere in the saved bytes, Patient Identity Removed is YES, and the output saves and reads back.
/// dciodvfy: the anonymized CT and MR raise no error the input did not raise.
/// </summary>
public sealed class RealFileTests
{
    private const string TestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    /// <summary>Every test file our reader opens (files it refuses are other tests' business).</summary>
    public static TheoryData<string> ReadableFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestFiles).Order(StringComparer.Ordinal))
        {
            try
            {
                var file = DicomFile.Open(path);
                if (file.Dataset.Count > 0) data.Add(Path.GetFileName(path));
            }
            catch (Exception e) when (e is DicomException or IOException or InvalidDataException or NotSupportedException or ArgumentException) { }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public async Task AnonymizeAsync_RealFile_OriginalNameAndIdGoneAndOutputRereads(string name)
    {
        var input = DicomFile.Open(Path.Combine(TestFiles, name));
        var result = await new Ps315Anonymizer().AnonymizeAsync(input.Dataset, Request(settings: new() { ["allow-burned-in"] = "true" }));
        var bytes = Save(input, result.Dataset);

        foreach (var tag in new[] { DicomTag.PatientName, DicomTag.PatientID })
        {
            if (!input.Dataset.TryGetElement(tag, out var original)) continue;
            var raw = original.Buffer.Memory.ToArray().AsSpan().TrimEnd((byte)' ').TrimEnd((byte)0).ToArray();
            if (raw.Length >= 3) Assert.True(bytes.AsSpan().IndexOf(raw) < 0, $"{name}: the original {tag} bytes are still in the output");
            var text = original.GetString().Trim();
            if (text.Length >= 3) Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"{name}: the original {tag} '{text}' is still in the output");
        }
        var reread = DicomFile.Open(new MemoryStream(bytes));
        Assert.Equal("YES", reread.Dataset.GetString(DicomTag.PatientIdentityRemoved));
        if (result.Dataset.TryGetString(DicomTag.SOPInstanceUID, out var sop)) Assert.Equal(sop, reread.Dataset.GetString(DicomTag.SOPInstanceUID));
    }

    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("MR_small.dcm")]
    [InlineData("rtplan.dcm")]
    [InlineData("rtstruct.dcm")]
    [InlineData("rtstruct.dcm", "clean-descriptors,clean-structured-content,clean-graphics,retain-device-identity,retain-patient-characteristics")]
    [InlineData("CT_small.dcm", "retain-safe-private,retain-institution-identity,retain-long-modified-dates,clean-descriptors")]
    public async Task AnonymizeAsync_RealFile_DciodvfyFindsNoNewErrors(string name, string options = "")
    {
        using var temp = new TempFolder();
        var path = Path.Combine(TestFiles, name);
        var input = DicomFile.Open(path);
        var result = await new Ps315Anonymizer().AnonymizeAsync(input.Dataset, Request(options: options.Split(',', StringSplitOptions.RemoveEmptyEntries)));
        var output = Path.Combine(temp.Path, "out.dcm");
        await File.WriteAllBytesAsync(output, Save(input, result.Dataset));
        var before = await ErrorsAsync(path);
        var after = await ErrorsAsync(output);
        var added = after.Except(before).ToArray();
        Assert.True(added.Length == 0, $"{name}: dciodvfy errors the input did not have:\n{string.Join('\n', added)}");
    }

    /// <summary>Saves the anonymized data set in the input's transfer syntax, with a fresh meta header (no preamble, no original meta).</summary>
    private static byte[] Save(DicomFile input, DicomDataset anonymized)
    {
        // The syntax read, unless fragments were found under a detected uncompressed syntax: then the declared one.
        var ts = input.TransferSyntax;
        if (!ts.IsEncapsulated && anonymized.Any(i => i is DicomFragmentSequence)
            && input.FileMetaInfo.TryGetString(new DicomTag(0x0002, 0x0010), out var declared) && DicomTransferSyntax.Lookup(declared) is { IsEncapsulated: true } d)
            ts = d;
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomVR.UI, new DicomTag(0x0002, 0x0010), ts.Uid);
        using var ms = new MemoryStream();
        new DicomFile(anonymized, meta).Save(ms);
        return ms.ToArray();
    }

    /// <summary>dciodvfy's "Error" lines, with values in quotes and element values removed so the same problem compares equal.</summary>
    private static async Task<HashSet<string>> ErrorsAsync(string path)
    {
        var psi = new ProcessStartInfo("dciodvfy") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(path);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = ((await stdout) + "\n" + (await stderr)).Split('\n');
        return [.. lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), "<[^>]*>$|\"[^\"]*\"", "…"))];
    }
}
