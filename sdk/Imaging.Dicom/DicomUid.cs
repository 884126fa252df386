using System.Buffers.Binary;
using System.Globalization;

namespace Imaging.Dicom;

/// <summary>
/// A Unique Identifier (PS3.5 §9): its value, and for registered UIDs (PS3.6 Annex A) the name and type.
/// The SOP classes of the standard are generated as static fields, e.g. <c>DicomUid.CTImageStorage</c>.
/// Two instances are equal when their values are.
/// </summary>
public sealed partial class DicomUid : IEquatable<DicomUid>
{
    /// <summary>The longest UID allowed (PS3.5 §9.1).</summary>
    public const int MaxLength = 64;

    /// <summary>Creates a UID. The value is not checked (lenient reading keeps malformed UIDs); see <see cref="IsValid"/>.</summary>
    /// <param name="value">The UID, e.g. "1.2.840.10008.5.1.4.1.1.2".</param>
    /// <param name="name">The registered name (PS3.6 Annex A), or empty.</param>
    /// <param name="type">What the UID identifies.</param>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public DicomUid(string value, string name, DicomUidType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        ArgumentNullException.ThrowIfNull(name);
        Value = value;
        Name = name;
        Type = type;
    }

    /// <summary>The UID, e.g. "1.2.840.10008.5.1.4.1.1.2".</summary>
    public string Value { get; }

    /// <summary>The registered name (PS3.6 Annex A), e.g. "CT Image Storage"; empty for an unregistered UID.</summary>
    public string Name { get; }

    /// <summary>What the UID identifies (PS3.6 Annex A); <see cref="DicomUidType.Unknown"/> for an unregistered UID.</summary>
    public DicomUidType Type { get; }

    /// <summary>
    /// A new UID under the 2.25 root: "2.25." followed by the decimal value of a random (version 4) UUID read as a
    /// 128-bit unsigned integer (PS3.5 §B.2, ITU-T X.667). At most 44 characters; needs no organization root.
    /// </summary>
    public static DicomUid Generate()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes, bigEndian: true, out _);
        var number = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        return new DicomUid("2.25." + number.ToString(CultureInfo.InvariantCulture), "", DicomUidType.Unknown);
    }

    /// <summary>
    /// True when <paramref name="uid"/> is a valid UID (PS3.5 §9.1): 1 to 64 characters, components of digits
    /// separated by single dots, no component empty or starting with 0 unless it is "0". Padding is not allowed.
    /// </summary>
    public static bool IsValid(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > MaxLength) return false;
        var componentStart = 0;
        for (var i = 0; i <= uid.Length; i++)
        {
            if (i == uid.Length || uid[i] == '.')
            {
                var length = i - componentStart;
                if (length == 0 || (length > 1 && uid[componentStart] == '0')) return false;
                componentStart = i + 1;
            }
            else if (!char.IsAsciiDigit(uid[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The registered UID with this value (PS3.6 Annex A), or null. Trailing NUL or space padding (PS3.5 §9.1)
    /// is ignored. Knows the generated SOP classes.
    /// </summary>
    public static DicomUid? Lookup(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return Registry.ByValue.TryGetValue(uid.AsSpan().TrimEnd(" \0"), out var known) ? known : null;
    }

    /// <summary>Every registered UID this library knows, in the order of the standard's tables.</summary>
    public static IReadOnlyList<DicomUid> KnownUids => Registry.All;

    /// <inheritdoc />
    public bool Equals(DicomUid? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DicomUid);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The UID value.</summary>
    public override string ToString() => Value;

    /// <summary>Equality of UID values.</summary>
    public static bool operator ==(DicomUid? left, DicomUid? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality of UID values.</summary>
    public static bool operator !=(DicomUid? left, DicomUid? right) => !(left == right);

    /// <summary>Built on first lookup, after DicomUid's generated fields exist.</summary>
    private static class Registry
    {
        internal static readonly IReadOnlyList<DicomUid> All = Array.AsReadOnly(GeneratedSopClasses());

        // Never written after construction; the span lookup lets Lookup ignore padding without allocating.
        internal static readonly Dictionary<string, DicomUid>.AlternateLookup<ReadOnlySpan<char>> ByValue =
            All.ToDictionary(u => u.Value, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        static Registry()
        {
        }
    }
}
