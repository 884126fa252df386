using System.Text;

namespace Imaging.Cli.Tests;

/// <summary>
/// A folder made with `imaging sample` (6 CT and 4 MR slices of 32x32) plus two files that must be reported as
/// unreadable: a text file, and a copy of a CT slice cut in the middle of its Study Description.
/// </summary>
public sealed class SampleStudy : IDisposable
{
    public const int CtSlices = 6;
    public const int MrSlices = 4;
    public const int Size = 32;

    private readonly TempFolder _temp = new();

    public SampleStudy()
    {
        var run = Cli.Run("sample", Folder, "--ct", CtSlices.ToString(), "--mr", MrSlices.ToString(), "--size", Size.ToString());
        if (run.ExitCode != 0) throw new InvalidOperationException(run.ToString());
        File.WriteAllText(Junk, "not DICOM at all\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Truncated)!);
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "CT", "IMG0001.dcm"));
        int at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes("Synthetic phantom study"));
        if (at < 0) throw new InvalidOperationException("the sample has no Study Description to cut");
        File.WriteAllBytes(Truncated, bytes[..(at + 5)]);
    }

    public string Folder => _temp.Path;

    public string Junk => Path.Combine(Folder, "notes.txt");

    public string Truncated => Path.Combine(Folder, "broken", "cut.dcm");

    public void Dispose() => _temp.Dispose();
}
