using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Imaging.Plugins.Tests.Filters.Oracles;

/// <summary>
/// numpy / scipy.ndimage (Debian's /usr/bin/python3, scipy 1.10) as the reference for the filters. A test class writes
/// its inputs as raw little-endian arrays into a temporary folder, runs one Python script over all its cases (one
/// process per class keeps the suite fast), and reads back each result as raw float64. The script sees the folder as
/// <c>D</c> and the helpers <c>load(name, dtype, shape)</c> and <c>save(name, array)</c>; numpy shapes are (k, j, i),
/// since our index is i + SizeI·(j + SizeJ·k).
/// </summary>
public sealed class ScipyOracle : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private const string Prelude = """
        import sys
        import numpy as np
        import scipy.ndimage as ndi
        D = sys.argv[1]
        def load(name, dtype, shape):
            return np.fromfile(f"{D}/{name}.raw", dtype=dtype).reshape(shape)
        def save(name, a):
            np.ascontiguousarray(np.asarray(a, dtype=np.float64)).tofile(f"{D}/{name}.out")

        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "imaging-scipy-" + Guid.NewGuid().ToString("N"));

    /// <summary>Creates the exchange folder.</summary>
    public ScipyOracle() => Directory.CreateDirectory(_folder);

    /// <summary>Writes <paramref name="values"/> as <c>name.raw</c> (their own element type, little-endian).</summary>
    public void Write<T>(string name, T[] values) where T : unmanaged
        => File.WriteAllBytes(Path.Combine(_folder, name + ".raw"), MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    /// <summary>Runs <paramref name="script"/> (after the prelude) once.</summary>
    public async Task RunAsync(string script)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Prelude + script);
        psi.ArgumentList.Add(_folder);
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Python} exited with {process.ExitCode}:\n{await stderr}");
    }

    /// <summary>The float64 result the script saved as <paramref name="name"/>.</summary>
    public double[] Read(string name)
        => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(Path.Combine(_folder, name + ".out"))).ToArray();

    /// <inheritdoc />
    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
