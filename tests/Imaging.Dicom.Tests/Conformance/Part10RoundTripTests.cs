using System.Diagnostics;
using Imaging.Dicom.IO;
using Imaging.Dicom.Json;

namespace Imaging.Dicom.Tests.Conformance;

/// <summary>
/// Every readable pydicom test file, saved in its own transfer syntax and (when its pixel data is native) in each
/// uncompressed one, reads back as the same data set, and dcmtk's <c>dcmdump</c> reads what we wrote without error.
/// </summary>
public sealed class Part10RoundTripTests
{
    private const string Own = "own";

    /// <summary>The syntaxes every native file is also written in.</summary>
    private static readonly DicomTransferSyntax[] Uncompressed =
    [
        DicomTransferSyntax.ExplicitVRLittleEndian,
        DicomTransferSyntax.ImplicitVRLittleEndian,
        DicomTransferSyntax.ExplicitVRBigEndian,
        DicomTransferSyntax.DeflatedExplicitVRLittleEndian,
    ];

    /// <summary>Each file with "own" and each uncompressed syntax UID.</summary>
    public static TheoryData<string, string> FilesAndSyntaxes()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TestFiles.AllPydicomFiles())
        {
            data.Add(file, Own);
            foreach (var ts in Uncompressed) data.Add(file, ts.Uid);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FilesAndSyntaxes))]
    public async Task SaveAndReopen_PydicomTestFile_GivesAnEqualDatasetThatDcmdumpReads(string file, string syntax)
    {
        DicomFile original;
        try
        {
            original = await Task.Run(() => DicomFile.Open(TestFiles.FromPydicomData(file), PydicomJsonConformanceTests.Forced))
                .WaitAsync(PydicomJsonConformanceTests.Timeout);
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            Assert.IsType<DicomFormatException>(ex); // not readable: nothing to round-trip
            return;
        }

        var target = syntax == Own ? original.TransferSyntax : DicomTransferSyntax.Lookup(syntax);
        bool encapsulated = original.Dataset.Any(i => i is DicomFragmentSequence);
        var options = new DicomWriteOptions { TransferSyntax = target };
        var path = Path.Combine(Path.GetTempPath(), $"imaging-roundtrip-{Guid.NewGuid():N}.dcm");
        try
        {
            if (encapsulated && (!target.IsEncapsulated || target.Uid != original.TransferSyntax.Uid))
            {
                // Changing encapsulated pixel data to another syntax needs a codec; Save must say so, not write garbage.
                // (SC_rgb_jpeg.dcm is JPEG data in an implicit VR data set: no syntax we can write without a codec holds it.)
                Assert.Throws<DicomException>(() => original.Save(path, options));
                Assert.False(File.Exists(path));
                return;
            }
            await Task.Run(() => original.Save(path, options)).WaitAsync(PydicomJsonConformanceTests.Timeout);
            var reread = await Task.Run(() => DicomFile.Open(path)).WaitAsync(PydicomJsonConformanceTests.Timeout);

            Assert.Equal(target.Uid, reread.TransferSyntax.Uid);
            if (target.IsExplicitVR)
            {
                Assert.Equal(DicomJson.Serialize(EvenLengths.Padded(original.Dataset)), DicomJson.Serialize(reread.Dataset));
            }
            else
            {
                // Implicit VR does not carry VRs: an element whose VR the dictionary does not give (a private one
                // without a known creator) reads back as UN, one with "US or SS" as the dictionary resolves it.
                // The values must still be byte for byte the same.
                var differences = new List<string>();
                CompareImplicit(EvenLengths.Padded(original.Dataset), reread.Dataset, "", differences);
                Assert.True(differences.Count == 0, string.Join('\n', differences.Take(25)));
            }
            AssertDcmdumpReads(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void CompareImplicit(DicomDataset a, DicomDataset b, string path, List<string> differences)
    {
        var left = a.Where(i => !i.Tag.IsGroupLength).ToList();
        var right = b.Where(i => !i.Tag.IsGroupLength).ToList();
        if (!left.Select(i => i.Tag).SequenceEqual(right.Select(i => i.Tag)))
        {
            differences.Add($"{path}: tags [{string.Join(' ', left.Select(i => i.Tag))}] read back as [{string.Join(' ', right.Select(i => i.Tag))}]");
            return;
        }
        for (int n = 0; n < left.Count; n++)
        {
            var at = $"{path}/{left[n].Tag}";
            switch (left[n], right[n])
            {
                case (DicomSequence x, DicomSequence y):
                    if (x.Count != y.Count) differences.Add($"{at}: {x.Count} items read back as {y.Count}");
                    else for (int k = 0; k < x.Count; k++) CompareImplicit(x[k], y[k], $"{at}/{k}", differences);
                    break;
                case (DicomElement x, DicomElement y):
                    if (!x.Buffer.Memory.Span.SequenceEqual(y.Buffer.Memory.Span))
                        differences.Add($"{at}: {x.VR} {x.Length} bytes read back as {y.VR} {y.Length} bytes with other content");
                    break;
                case (DicomFragmentSequence x, DicomFragmentSequence y):
                    if (x.Fragments.Count != y.Fragments.Count) differences.Add($"{at}: {x.Fragments.Count} fragments read back as {y.Fragments.Count}");
                    break;
                default:
                    differences.Add($"{at}: {left[n].GetType().Name} {left[n].VR} read back as {right[n].GetType().Name} {right[n].VR}");
                    break;
            }
        }
    }

    /// <summary>dcmdump exits with 0 and reports no error ("E:") for the file.</summary>
    private static void AssertDcmdumpReads(string path)
    {
        var psi = new ProcessStartInfo("dcmdump")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(path);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dcmdump timed out");
        }
        process.WaitForExit();
        var errors = stderr.Result.Split('\n').Where(l => l.StartsWith("E:", StringComparison.Ordinal)).ToList();
        Assert.True(process.ExitCode == 0 && errors.Count == 0,
            $"dcmdump exited with {process.ExitCode}:\n{string.Join('\n', errors.Take(10))}\n{stderr.Result[..Math.Min(2000, stderr.Result.Length)]}");
        _ = stdout.Result;
    }
}
