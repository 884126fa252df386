using System.Diagnostics;
using System.Text;

namespace Imaging.Dicom.Imaging.Tests.Codecs;

/// <summary>
/// pydicom 2.3.1 (Debian's /usr/bin/python3, with numpy) as the reference decoder for the codec tests, and the
/// location of pydicom's test files. (When this project grows a shared TestFiles class, the paths move there.)
/// </summary>
public static class PydicomOracle
{
    /// <summary>The interpreter that has pydicom; not the one first on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>pydicom's test_files folder.</summary>
    public const string TestFilesFolder = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    /// <summary>A file of pydicom's test_files by name.</summary>
    public static string TestFile(string name)
    {
        var path = Path.Combine(TestFilesFolder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"test file {path} is missing; is python3-pydicom installed?", path);
    }

    /// <summary>
    /// pydicom's <c>pixel_array</c> of a file as raw bytes in the native layout: little endian, C order (so RGB is
    /// color-by-pixel whatever the file's Planar Configuration), all frames one after another.
    /// </summary>
    public static byte[] PixelArrayBytes(string path)
    {
        const string script = """
            import sys, base64, pydicom
            a = pydicom.dcmread(sys.stdin.read().strip()).pixel_array
            sys.stdout.write(base64.b64encode(a.astype(a.dtype.newbyteorder('<')).tobytes()).decode())
            """;
        return Convert.FromBase64String(Run(Python, ["-c", script], path));
    }

    /// <summary>Runs a program and returns its stdout; throws with its stderr when it fails or takes over two minutes.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string? stdin = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var input = process.StandardInput)
        {
            if (stdin is not null) input.Write(stdin);
        }
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} timed out");
        }
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {stderr.GetAwaiter().GetResult()}");
        return stdout.GetAwaiter().GetResult();
    }
}
