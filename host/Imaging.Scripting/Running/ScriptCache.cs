using System.Security.Cryptography;
using System.Text;
using Imaging.Dicom;
using Imaging.Sdk;

namespace Imaging.Scripting.Running;

/// <summary>
/// Compiled scripts on disk, keyed by content: <c>&lt;folder&gt;/&lt;key&gt;.dll</c> (+ <c>.pdb</c>), written atomically
/// (temporary file, then rename), so concurrent runs of the same script never read half a file.
/// </summary>
/// <remarks>
/// The key is the SHA-256 of the script's path and text, every <c>#load</c>'ed file's path and text, every <c>#r</c>'ed
/// file's path, size and modification time, the SDK version, the module version ids of Imaging.Scripting, Imaging.Sdk
/// and Imaging.Dicom (a rebuilt platform invalidates every entry), the runtime version and the optimization flag. The path is part of the key
/// because it is compiled into the debug information that runtime errors are reported with.
/// </remarks>
internal sealed class ScriptCache(string folder)
{
    private const string Format = "imaging-script-cache/1";

    public string Folder { get; } = folder;

    /// <summary>The key of <paramref name="inputs"/> (64 hex digits).</summary>
    public static string KeyOf(ScriptInputs inputs, bool optimize = false)
    {
        var text = new StringBuilder();
        text.Append(Format).Append('\n');
        text.Append("optimize ").Append(optimize).Append('\n');
        text.Append("sdk ").Append(SdkInfo.Version).Append('\n');
        foreach (var type in new[] { typeof(ScriptGlobals), typeof(IPlugin), typeof(DicomDataset) })
            text.Append("mvid ").Append(type.Assembly.GetName().Name).Append(' ').Append(type.Assembly.ManifestModule.ModuleVersionId).Append('\n');
        text.Append("runtime ").Append(Environment.Version).Append('\n');
        Append(text, "script", inputs.Path, inputs.Text);
        foreach (var (path, content) in inputs.Loads) Append(text, "load", path, content);
        foreach (var reference in inputs.References)
        {
            var file = new FileInfo(reference);
            text.Append("r ").Append(reference);
            if (Path.IsPathRooted(reference) && file.Exists) text.Append(' ').Append(file.Length).Append(' ').Append(file.LastWriteTimeUtc.Ticks);
            text.Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Reads the compiled assembly (and its debug information, if present) stored under <paramref name="key"/>.</summary>
    public bool TryRead(string key, out byte[] assembly, out byte[]? symbols)
    {
        assembly = [];
        symbols = null;
        var dll = Path.Combine(Folder, key + ".dll");
        try
        {
            if (!File.Exists(dll)) return false;
            assembly = File.ReadAllBytes(dll);
            var pdb = Path.ChangeExtension(dll, ".pdb");
            if (File.Exists(pdb)) symbols = File.ReadAllBytes(pdb);
            return assembly.Length > 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Stores a compiled script; the debug information goes first, so a visible <c>.dll</c> always has its <c>.pdb</c>.</summary>
    /// <returns>False when the cache folder cannot be written (the run goes on uncached).</returns>
    public bool TryWrite(string key, byte[] assembly, byte[] symbols)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            WriteAtomically(Path.Combine(Folder, key + ".pdb"), symbols);
            WriteAtomically(Path.Combine(Folder, key + ".dll"), assembly);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Removes an entry that could not be loaded (truncated or from an incompatible runtime).</summary>
    public void Forget(string key)
    {
        foreach (var extension in new[] { ".dll", ".pdb" })
        {
            try
            {
                File.Delete(Path.Combine(Folder, key + extension));
            }
            catch (IOException)
            {
                // Another run may hold it; the next one retries.
            }
            catch (UnauthorizedAccessException)
            {
                // Read-only cache: nothing to do.
            }
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static void Append(StringBuilder text, string kind, string path, string content)
        => text.Append(kind).Append(' ').Append(path).Append(' ').Append(content.Length).Append('\n').Append(content).Append('\n');
}
