using System.Diagnostics;
using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.IO;

/// <summary>
/// What we write must pass dicom3tools' <c>dciodvfy</c> without errors the input did not already have:
/// re-encoding must not break IOD conformance (issue: "writing files that pass dciodvfy without new errors").
/// </summary>
public class DciodvfyTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[]
        {
            "CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm", "rtplan.dcm", "rtstruct.dcm",
            "rtdose.dcm", "test-SR.dcm", "waveform_ecg.dcm", "image_dfl.dcm", "JPEG2000.dcm", "MR_small_RLE.dcm", "SC_rgb_small_odd.dcm",
        })
            data.Add(name);
        foreach (var name in new[] { "chrH31.dcm", "chrJapMulti.dcm", "chrRuss.dcm", "chrSQEncoding.dcm", "chrX1.dcm" })
            data.Add("charset:" + name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Save_RealFile_AddsNoDciodvfyErrors(string name)
    {
        var input = name.StartsWith("charset:") ? TestFiles.Charset(name["charset:".Length..]) : TestFiles.Pydicom(name);
        var output = Path.Combine(Path.GetTempPath(), $"dciodvfy-{Guid.NewGuid():N}.dcm");
        try
        {
            DicomFile.Open(input).Save(output);
            var before = await Errors(input);
            var after = await Errors(output);
            var added = after.Except(before).ToList();
            Assert.True(added.Count == 0, $"dciodvfy reports new errors after writing {name}:\n{string.Join("\n", added)}");
        }
        finally { File.Delete(output); }
    }

    [Fact]
    public async Task Save_TranscodedToEveryUncompressedSyntax_AddsNoDciodvfyErrors()
    {
        var input = TestFiles.Pydicom("MR_small.dcm");
        var before = await Errors(input);
        // dciodvfy cannot inflate deflated data sets (it fails on pydicom's image_dfl.dcm too); dcmdump checks those below.
        foreach (var ts in new[] { DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian })
        {
            var output = Path.Combine(Path.GetTempPath(), $"dciodvfy-{Guid.NewGuid():N}.dcm");
            try
            {
                DicomFile.Open(input).Save(output, new DicomWriteOptions { TransferSyntax = ts });
                var added = (await Errors(output)).Except(before).ToList();
                Assert.True(added.Count == 0, $"{ts.Name}: new dciodvfy errors:\n{string.Join("\n", added)}");
            }
            finally { File.Delete(output); }
        }
    }

    [Fact]
    public async Task Save_Deflated_DcmdumpReadsEveryElement()
    {
        var input = TestFiles.Pydicom("MR_small.dcm");
        var output = Path.Combine(Path.GetTempPath(), $"deflate-{Guid.NewGuid():N}.dcm");
        try
        {
            DicomFile.Open(input).Save(output, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.DeflatedExplicitVRLittleEndian });
            var psi = new ProcessStartInfo("dcmdump", ["-q", output]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            var text = p.StandardOutput.ReadToEndAsync();
            var err = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.Equal(0, p.ExitCode);
            Assert.Equal("", err.Trim());
            Assert.Contains("Deflated", (await text));
            Assert.Contains("(0010,0010) PN [CompressedSamples^MR1]", (await text));
        }
        finally { File.Delete(output); }
    }

    /// <summary>dciodvfy's "Error" lines, normalised (it prints them on stderr; warnings are ignored).</summary>
    private static async Task<HashSet<string>> Errors(string path)
    {
        var psi = new ProcessStartInfo("dciodvfy", [path]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("dciodvfy did not start; is dicom3tools installed?");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return [.. (await stdout + "\n" + stderr).Split('\n').Where(l => l.StartsWith("Error")).Select(l => l.Trim())];
    }
}
