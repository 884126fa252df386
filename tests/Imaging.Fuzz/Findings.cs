using System.Security.Cryptography;
using System.Text;

namespace Imaging.Fuzz;

/// <summary>
/// Crash and hang bookkeeping: runs the target on one input and names what broke by a signature (exception type and
/// the top frames inside Imaging.Dicom), so a thousand inputs that hit one bug are reported once.
/// </summary>
internal static class Findings
{
    /// <summary>Runs the target; null when it passed, else the exception that escaped.</summary>
    public static Exception? Check(DicomFileTarget target, ReadOnlySpan<byte> input)
    {
        try
        {
            target.Run(input);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>"Type @ frame1 | frame2 | frame3": the product frames nearest the throw.</summary>
    public static string Signature(Exception ex)
    {
        var frames = (ex.StackTrace ?? "")
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("at Imaging.Dicom.", StringComparison.Ordinal))
            .Select(l => l.Split(" in ")[0][3..])
            .Take(3);
        return $"{ex.GetType().Name} @ {string.Join(" | ", frames)}";
    }

    /// <summary>Writes the input and a report beside it; returns the input's path.</summary>
    public static string Save(string folder, byte[] input, string kind, string report)
    {
        Directory.CreateDirectory(folder);
        var hash = Convert.ToHexString(SHA1.HashData(input))[..12].ToLowerInvariant();
        var path = Path.Combine(folder, $"{kind}-{hash}.dcm");
        File.WriteAllBytes(path, input);
        File.WriteAllText(path + ".txt", report);
        return path;
    }

    /// <summary>A report: signature, full exception, and the input as base64 when small enough to paste into a test.</summary>
    public static string Report(Exception ex, byte[] input)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Signature(ex));
        sb.AppendLine($"input: {input.Length} bytes");
        sb.AppendLine(ex.ToString());
        if (input.Length <= 4096) sb.AppendLine("base64:").AppendLine(Convert.ToBase64String(input));
        return sb.ToString();
    }
}
