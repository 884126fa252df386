using System.Buffers.Binary;
using System.IO.Compression;
using Imaging.Dicom;
using Imaging.Sdk.Testing;

namespace Imaging.Cli.Tests.Commands;

public sealed class RenderCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A synthetic CT slice (16 × 16, stored HU + 1024, window 40/400 in the file).</summary>
    private string CtSlice(string name = "ct.dcm")
    {
        var path = _temp.File(name);
        SyntheticStudy.Generate(new SyntheticStudyOptions { CtSlices = 3, MrSlices = 0, Size = 16 }).ElementAt(1).Save(path);
        return path;
    }

    /// <summary>Width, height, color type and the decompressed scanlines' length of a PNG, checking signature, chunk CRCs and IEND.</summary>
    private static (int Width, int Height, int ColorType, int Raw) ReadPng(string path)
    {
        var png = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int pos = 8, width = 0, height = 0, colorType = -1;
        using var idat = new MemoryStream();
        string last = "";
        while (pos < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            last = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var body = png.AsSpan(pos + 8, length);
            if (last == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                colorType = body[9];
            }
            if (last == "IDAT") idat.Write(body);
            pos += 12 + length;
        }
        Assert.Equal("IEND", last);
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        return (width, height, colorType, (int)raw.Length);
    }

    [Fact]
    public void Render_CtSlice_WritesDecodablePngOfImageSizeAndPrintsWindow()
    {
        var input = CtSlice();
        var output = _temp.File("out/slice.png");
        var run = Cli.Run("render", input, "--out", output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((16, 16, 0, 16 * (16 + 1)), ReadPng(output));
        Assert.Contains(output, run.Stdout);
        Assert.Contains("window C=40 W=400 LINEAR (from the file)", run.Stdout);
        Assert.Empty(Directory.GetFiles(_temp.File("out"), "*.tmp"));
    }

    [Fact]
    public void Render_WindowOption_UsesIt()
    {
        var run = Cli.Run("render", CtSlice(), "--out", _temp.File("bone.png"), "--window", "400,1800");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("window C=400 W=1800 LINEAR (from the caller)", run.Stdout);
    }

    [Fact]
    public void Render_OutputExists_RefusesWithoutForceAndKeepsFile()
    {
        var input = CtSlice();
        var output = _temp.File("exists.png");
        File.WriteAllText(output, "keep me");
        var run = Cli.Run("render", input, "--out", output);
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains($"{output}: already exists; use --force", run.Stderr);
        Assert.Equal("keep me", File.ReadAllText(output));

        var forced = Cli.Run("render", input, "--out", output, "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(16, ReadPng(output).Width);
    }

    [Fact]
    public void Render_NotDicom_OneLineErrorNamingFile()
    {
        var junk = _temp.File("notes.txt");
        File.WriteAllText(junk, "not DICOM at all\n");
        var run = Cli.Run("render", junk, "--out", _temp.File("x.png"));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.StartsWith($"imaging: {junk}", run.Stderr);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(_temp.File("x.png")));
    }

    [Fact]
    public void Render_NoPixelData_SaysSo()
    {
        var path = _temp.File("nopixels.dcm");
        var ds = SyntheticStudy.Generate(new SyntheticStudyOptions { CtSlices = 1, MrSlices = 0, Size = 8 }).First().Dataset;
        ds.Remove(DicomTag.PixelData);
        new DicomFile(ds).Save(path);
        var run = Cli.Run("render", path, "--out", _temp.File("x.png"));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Equal($"imaging: {path}: no pixel data (7FE0,0010): nothing to render", run.Stderr.TrimEnd());
    }

    [Theory]
    [InlineData("1", "frame 1 is out of range: the image has 1 frame (0 to 0)")]
    [InlineData("-1", "--frame must be 0 or more")]
    [InlineData("two", "two")]
    public void Render_BadFrame_ErrorAndNoOutput(string frame, string message)
    {
        var input = CtSlice();
        var run = Cli.Run("render", input, "--frame", frame, "--out", _temp.File("x.png"));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.False(File.Exists(_temp.File("x.png")));
    }

    [Theory]
    [InlineData("40")]
    [InlineData("40;400")]
    [InlineData("40,0")]
    [InlineData("c,w")]
    public void Render_BadWindow_ErrorQuotingIt(string window)
    {
        var run = Cli.Run("render", CtSlice(), "--window", window, "--out", _temp.File("x.png"));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.StartsWith($"imaging: --window '{window}'", run.Stderr);
        Assert.False(File.Exists(_temp.File("x.png")));
    }

    [Fact]
    public void Render_NoOutOption_WritesFileNamePngInCurrentDirectory()
    {
        var input = CtSlice("slice7.dcm");
        var cwd = Directory.CreateDirectory(_temp.File("cwd")).FullName;
        var run = ProcessRun.Start("/bin/sh", "-c", "cd \"$1\" && exec \"$2\" render \"$3\"", "sh", cwd, TestFiles.ImagingAppHost, input);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((16, 16, 0, 16 * 17), ReadPng(Path.Combine(cwd, "slice7.png")));
    }

    [Fact]
    public void Render_Help_ExplainsOptions()
    {
        var run = Cli.Run("render", "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var word in new[] { "--frame", "--window", "--out", "--force", "--no-overlays", "40,400" }) Assert.Contains(word, run.Stdout);
    }
}
