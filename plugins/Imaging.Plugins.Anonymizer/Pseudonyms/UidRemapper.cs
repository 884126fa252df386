using System.Collections.Concurrent;
using System.Numerics;
using Imaging.Dicom;

namespace Imaging.Plugins.Anonymizer.Pseudonyms;

/// <summary>
/// Action U of PS3.15 Table E.1-1: replaces a UID by "2.25." + the decimal value of the first 16 bytes of
/// HMAC-SHA256(secret, UID) (a UUID-derived UID, PS3.5 §B.2; at most 44 characters). The same UID gives the same
/// replacement wherever it appears (SOP Instance UID and every Referenced SOP Instance UID pointing at it), across data
/// sets, runs and machines sharing the secret. UIDs the standard defines (SOP Classes, transfer syntaxes, coding schemes)
/// are kept: they identify nothing.
/// </summary>
internal sealed class UidRemapper(KeyedHash hash)
{
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    /// <summary>The replacement of <paramref name="uid"/> (trimmed of padding); empty stays empty.</summary>
    public string Map(string uid)
    {
        var value = uid.Trim().TrimEnd('\0');
        if (value.Length == 0) return value;
        return _cache.GetOrAdd(value, v => DicomUid.Lookup(v) is not null ? v : Replace(v));
    }

    private string Replace(string uid)
    {
        var bytes = hash.Compute("uid", uid).AsSpan(0, 16);
        return "2.25." + new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
