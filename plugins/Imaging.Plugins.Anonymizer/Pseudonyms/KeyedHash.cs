using System.Security.Cryptography;
using System.Text;

namespace Imaging.Plugins.Anonymizer.Pseudonyms;

/// <summary>
/// HMAC-SHA256 under the run's secret: every pseudonym (UIDs, Patient IDs, AE titles, date shifts) is a keyed hash of the
/// original value with a purpose prefix, so the same input and secret give the same output on every run and machine
/// (PS3.15 E.3.1 "U": internally consistent replacement), and nobody without the secret can reverse or recompute it.
/// </summary>
internal sealed class KeyedHash(byte[] secret)
{
    private readonly byte[] _secret = secret;

    /// <summary>HMAC-SHA256(secret, purpose + 0x00 + value in UTF-8).</summary>
    public byte[] Compute(string purpose, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(purpose + "\0" + value);
        return HMACSHA256.HashData(_secret, bytes);
    }

    /// <summary>The first <paramref name="count"/> characters of the RFC 4648 base32 text of the hash (A–Z, 2–7).</summary>
    public string Base32(string purpose, string value, int count)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var hash = Compute(purpose, value);
        var sb = new StringBuilder(count);
        int bits = 0, buffer = 0, i = 0;
        while (sb.Length < count)
        {
            if (bits < 5)
            {
                buffer = (buffer << 8) | hash[i++];
                bits += 8;
            }
            sb.Append(alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return sb.ToString();
    }
}
