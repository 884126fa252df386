using System.Security.Cryptography;

namespace Imaging.Cli.Anonymize;

/// <summary>
/// The key for pseudonyms (keyed-hash UIDs and IDs, a date shift derived from it): the bytes of <c>--secret-file</c>,
/// or, without one, 32 random bytes that are never shown, so that the pseudonyms of that run cannot be reproduced
/// (what MATLAB's <c>dicomanon</c> does by default).
/// </summary>
internal static class SecretSource
{
    /// <summary>The secret's bytes; <paramref name="problem"/> names what is wrong with the file when it returns null.</summary>
    public static byte[]? Read(string? secretFile, out string? problem)
    {
        problem = null;
        if (secretFile is null) return RandomNumberGenerator.GetBytes(32);
        if (!File.Exists(secretFile))
        {
            problem = $"{secretFile}: no such secret file";
            return null;
        }
        byte[] bytes;
        try { bytes = File.ReadAllBytes(secretFile); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{secretFile}: cannot read the secret file ({e.Message})";
            return null;
        }
        if (bytes.Length == 0)
        {
            problem = $"{secretFile}: the secret file is empty";
            return null;
        }
        return bytes;
    }
}
