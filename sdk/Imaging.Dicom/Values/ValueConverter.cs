using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using Imaging.Dicom.IO;
using Imaging.Dicom.Text;

namespace Imaging.Dicom.Values;

/// <summary>
/// The one table that turns value bytes into typed values and back, by VR (PS3.5 §6.2 Table 6.2-1).
/// The dataset API, the writer and the JSON model all go through it, so no VR switch is copied elsewhere.
/// </summary>
internal static class ValueConverter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>VRs whose leading spaces are insignificant as well as their trailing ones (PS3.5 Table 6.2-1).</summary>
    private static bool TrimsLeading(DicomVR vr) =>
        vr == DicomVR.AE || vr == DicomVR.CS || vr == DicomVR.DS || vr == DicomVR.IS || vr == DicomVR.AS
        || vr == DicomVR.DA || vr == DicomVR.TM || vr == DicomVR.DT || vr == DicomVR.UI;

    public static int Count(DicomElement e)
    {
        var vr = e.VR;
        switch (vr.Kind)
        {
            case DicomVRKind.Text:
                // Split, not 1, for single-valued VRs too: an ST/LT/UT of padding only holds no value, and
                // Get(0) must then refuse rather than index an empty split (found by fuzzing).
                if (e.Length == 0) return 0;
                return Split(e).Length;
            case DicomVRKind.Binary:
            case DicomVRKind.Tag:
                return (int)(e.Length / vr.UnitSize);
            default:
                return e.Length == 0 ? 0 : 1;
        }
    }

    /// <summary>Decodes a text value and strips its trailing padding (spaces and NULs).</summary>
    public static string DecodeText(DicomElement e)
    {
        var span = e.Buffer.Memory.Span;
        int end = span.Length;
        while (end > 0 && (span[end - 1] == 0x20 || span[end - 1] == 0)) end--;
        span = span[..end];
        if (span.IsEmpty) return string.Empty;
        return e.VR.UsesSpecificCharacterSet ? e.CharacterSet.Decode(span, e.VR) : DecodeDefault(span);
    }

    /// <summary>The default repertoire, read leniently as ISO 8859-1 (as pydicom does) so no byte is lost.</summary>
    private static string DecodeDefault(ReadOnlySpan<byte> span) => System.Text.Encoding.Latin1.GetString(span);

    public static string ToText(DicomElement e)
    {
        var vr = e.VR;
        switch (vr.Kind)
        {
            case DicomVRKind.Text:
                // Where leading spaces are insignificant too (UI, DS, CS, ...), each value is trimmed, as GetStrings does.
                return TrimsLeading(vr) ? string.Join('\\', Split(e)) : DecodeText(e);
            case DicomVRKind.Binary:
            case DicomVRKind.Tag:
                return string.Join('\\', Split(e));
            default:
                return Convert.ToHexString(e.Buffer.Memory.Span);
        }
    }

    public static string[] Split(DicomElement e)
    {
        var vr = e.VR;
        switch (vr.Kind)
        {
            case DicomVRKind.Text:
            {
                var text = DecodeText(e);
                if (text.Length == 0) return [];
                var parts = vr.IsMultiValued ? text.Split('\\') : [text];
                bool leading = TrimsLeading(vr);
                for (int i = 0; i < parts.Length; i++)
                    parts[i] = leading ? parts[i].Trim(' ', '\0') : parts[i].TrimEnd(' ', '\0');
                return parts;
            }
            case DicomVRKind.Binary:
            {
                int n = Count(e);
                var result = new string[n];
                var span = e.Buffer.Memory.Span;
                for (int i = 0; i < n; i++) result[i] = FormatBinary(span, vr, i);
                return result;
            }
            case DicomVRKind.Tag:
            {
                var tags = GetValues<DicomTag>(e);
                return [.. tags.Select(t => t.ToString())];
            }
            default:
                return e.Length == 0 ? [] : [ToText(e)];
        }
    }

    private static string FormatBinary(ReadOnlySpan<byte> s, DicomVR vr, int i) => vr.Code switch
    {
        "US" or "OW" => BinaryPrimitives.ReadUInt16LittleEndian(s[(i * 2)..]).ToString(Inv),
        "SS" => BinaryPrimitives.ReadInt16LittleEndian(s[(i * 2)..]).ToString(Inv),
        "UL" or "OL" => BinaryPrimitives.ReadUInt32LittleEndian(s[(i * 4)..]).ToString(Inv),
        "SL" => BinaryPrimitives.ReadInt32LittleEndian(s[(i * 4)..]).ToString(Inv),
        "FL" or "OF" => BinaryPrimitives.ReadSingleLittleEndian(s[(i * 4)..]).ToString("R", Inv),
        "FD" or "OD" => BinaryPrimitives.ReadDoubleLittleEndian(s[(i * 8)..]).ToString("R", Inv),
        "SV" => BinaryPrimitives.ReadInt64LittleEndian(s[(i * 8)..]).ToString(Inv),
        "UV" or "OV" => BinaryPrimitives.ReadUInt64LittleEndian(s[(i * 8)..]).ToString(Inv),
        _ => throw new InvalidOperationException(vr.Code),
    };

    public static T Get<T>(DicomElement e, int index)
    {
        if (typeof(T) == typeof(byte[])) return (T)(object)e.Buffer.Memory.ToArray();
        var vr = e.VR;
        int count = Count(e);
        if (index < 0 || index >= count)
            throw new DicomException($"{e.Tag} {vr.Code} has {count} value{(count == 1 ? "" : "s")}; there is no value {index}.");
        switch (vr.Kind)
        {
            case DicomVRKind.Text:
                return FromText<T>(Split(e)[index], e);
            case DicomVRKind.Binary:
                return FromBinary<T>(e.Buffer.Memory.Span, vr, index, e.Tag);
            case DicomVRKind.Tag:
            {
                var s = e.Buffer.Memory.Span[(index * 4)..];
                var tag = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(s), BinaryPrimitives.ReadUInt16LittleEndian(s[2..]));
                if (typeof(T) == typeof(DicomTag)) return (T)(object)tag;
                if (typeof(T) == typeof(uint)) return (T)(object)tag.Value;
                if (typeof(T) == typeof(string)) return (T)(object)tag.ToString();
                break;
            }
            default:
                if (typeof(T) == typeof(string)) return (T)(object)ToText(e);
                if (typeof(T) == typeof(byte)) return (T)(object)e.Buffer.Memory.Span[index];
                break;
        }
        throw NoConversion<T>(e);
    }

    public static T[] GetValues<T>(DicomElement e)
    {
        var vr = e.VR;
        // Bytes of any binary VR are its raw little endian value (OW pixel data as bytes, like fo-dicom), not converted values.
        if ((vr.Kind == DicomVRKind.Bytes || vr.Kind == DicomVRKind.Binary) && typeof(T) == typeof(byte)) return (T[])(object)e.Buffer.Memory.ToArray();
        if (vr.Kind == DicomVRKind.Binary && NativeType(vr) == typeof(T))
        {
            // Exact type: one block copy, no per-value conversion (LUTs, pixel-sized arrays).
            var span = e.Buffer.Memory.Span;
            span = span[..(span.Length / vr.UnitSize * vr.UnitSize)];
            return (T[])CastArray(span, typeof(T));
        }
        if (vr.Kind == DicomVRKind.Text)
        {
            var parts = Split(e);
            var result = new T[parts.Length];
            for (int i = 0; i < parts.Length; i++) result[i] = FromText<T>(parts[i], e);
            return result;
        }
        int n = Count(e);
        var values = new T[n];
        for (int i = 0; i < n; i++) values[i] = Get<T>(e, i);
        return values;
    }

    private static Array CastArray(ReadOnlySpan<byte> span, Type t) =>
        t == typeof(ushort) ? MemoryMarshal.Cast<byte, ushort>(span).ToArray()
        : t == typeof(short) ? MemoryMarshal.Cast<byte, short>(span).ToArray()
        : t == typeof(uint) ? MemoryMarshal.Cast<byte, uint>(span).ToArray()
        : t == typeof(int) ? MemoryMarshal.Cast<byte, int>(span).ToArray()
        : t == typeof(float) ? MemoryMarshal.Cast<byte, float>(span).ToArray()
        : t == typeof(double) ? MemoryMarshal.Cast<byte, double>(span).ToArray()
        : t == typeof(long) ? MemoryMarshal.Cast<byte, long>(span).ToArray()
        : MemoryMarshal.Cast<byte, ulong>(span).ToArray();

    private static Type? NativeType(DicomVR vr) => vr.Code switch
    {
        "US" or "OW" => typeof(ushort),
        "SS" => typeof(short),
        "UL" or "OL" => typeof(uint),
        "SL" => typeof(int),
        "FL" or "OF" => typeof(float),
        "FD" or "OD" => typeof(double),
        "SV" => typeof(long),
        "UV" or "OV" => typeof(ulong),
        _ => null,
    };

    private static T FromBinary<T>(ReadOnlySpan<byte> s, DicomVR vr, int i, DicomTag tag)
    {
        // Every arm is boxed as its own type: without the casts the switch's natural type is double, which rounds
        // SV/UV values past 2^53 and makes Get<ulong> of UV 18446744073709551615 overflow.
        object v = vr.Code switch
        {
            "US" or "OW" => (object)BinaryPrimitives.ReadUInt16LittleEndian(s[(i * 2)..]),
            "SS" => (object)BinaryPrimitives.ReadInt16LittleEndian(s[(i * 2)..]),
            "UL" or "OL" => (object)BinaryPrimitives.ReadUInt32LittleEndian(s[(i * 4)..]),
            "SL" => (object)BinaryPrimitives.ReadInt32LittleEndian(s[(i * 4)..]),
            "FL" or "OF" => (object)BinaryPrimitives.ReadSingleLittleEndian(s[(i * 4)..]),
            "FD" or "OD" => (object)BinaryPrimitives.ReadDoubleLittleEndian(s[(i * 8)..]),
            "SV" => (object)BinaryPrimitives.ReadInt64LittleEndian(s[(i * 8)..]),
            "UV" or "OV" => (object)BinaryPrimitives.ReadUInt64LittleEndian(s[(i * 8)..]),
            _ => throw new InvalidOperationException(vr.Code),
        };
        if (v is T same) return same;
        if (typeof(T) == typeof(string)) return (T)(object)FormatBinary(s, vr, i);
        return ChangeNumber<T>(v, vr, tag);
    }

    private static T ChangeNumber<T>(object v, DicomVR vr, DicomTag tag)
    {
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum) target = Enum.GetUnderlyingType(target);
        try
        {
            var converted = Convert.ChangeType(v, target, Inv);
            return typeof(T).IsEnum ? (T)Enum.ToObject(typeof(T), converted) : (T)converted;
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException)
        {
            throw new DicomException($"{tag} {vr.Code}: the value {Convert.ToString(v, Inv)} does not convert to {typeof(T).Name} ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// Parses one text value. The value parsers (<see cref="DicomAge.Parse"/>, <see cref="DicomValueText.ParseDate"/>, ...)
    /// throw <see cref="FormatException"/>; through <see cref="DicomElement.Get{T}"/> a value that does not convert is a
    /// <see cref="DicomException"/> (found by fuzzing: a malformed DA/TM/DT/AS/PN value leaked FormatException).
    /// </summary>
    private static T FromText<T>(string value, DicomElement e)
    {
        try
        {
            return ParseText<T>(value, e);
        }
        catch (FormatException ex)
        {
            throw new DicomException($"{e.Tag} {e.VR.Code}: {ex.Message}", ex);
        }
    }

    private static T ParseText<T>(string value, DicomElement e)
    {
        if (typeof(T) == typeof(string)) return (T)(object)value;
        var vr = e.VR;
        var t = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (t == typeof(DicomPersonName)) return (T)(object)DicomPersonName.Parse(value);
        if (t == typeof(DicomAge)) return (T)(object)DicomAge.Parse(value);
        if (t == typeof(DicomDateRange)) return (T)(object)DicomDateRange.Parse(value);
        if (t == typeof(DicomTimeRange)) return (T)(object)DicomTimeRange.Parse(value);
        if (t == typeof(DicomDateTimeRange)) return (T)(object)DicomDateTimeRange.Parse(value);
        if (t == typeof(DateOnly)) return (T)(object)DicomValueText.ParseDate(value);
        if (t == typeof(TimeOnly)) return (T)(object)DicomValueText.ParseTime(value);
        if (t == typeof(DateTime))
        {
            if (vr == DicomVR.DA) return (T)(object)DicomValueText.ParseDate(value).ToDateTime(TimeOnly.MinValue);
            if (vr == DicomVR.TM) return (T)(object)DateTime.MinValue.Add(DicomValueText.ParseTime(value).ToTimeSpan());
            if (DicomValueText.TryParseDateTime(value, out var local, out _)) return (T)(object)local;
            throw new DicomException($"{e.Tag} {vr.Code}: '{value}' is not a date-time.");
        }
        if (t == typeof(DateTimeOffset)) return (T)(object)DicomValueText.ParseDateTime(value);
        if (t == typeof(DicomUid) && value.Length > 0) return (T)(object)(DicomUid.Lookup(value) ?? new DicomUid(value, string.Empty, DicomUidType.Unknown));
        if (t == typeof(DicomTransferSyntax)) return (T)(object)DicomTransferSyntax.Lookup(value);
        if (t == typeof(decimal) && DicomValueText.TryParseDecimal(value, out var dec)) return (T)(object)dec;
        if (IsNumber(t))
        {
            if (vr == DicomVR.DS || t == typeof(double) || t == typeof(float))
            {
                if (DicomValueText.TryParseDecimalString(value, out var d)) return ChangeNumber<T>(d, vr, e.Tag);
            }
            else if (DicomValueText.TryParseIntegerString(value, out var l)) return ChangeNumber<T>(l, vr, e.Tag);
            throw new DicomException($"{e.Tag} {vr.Code}: '{value}' is not a number.");
        }
        throw NoConversion<T>(e);
    }

    private static bool IsNumber(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong)
        || t == typeof(byte) || t == typeof(sbyte) || t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t.IsEnum;

    private static DicomException NoConversion<T>(DicomElement e) =>
        new($"{e.Tag} {e.VR.Code}: no conversion to {typeof(T).Name}.");

    /// <summary>Encodes values for an element of <paramref name="vr"/> (the inverse of <see cref="Get{T}"/>), padded to even length.</summary>
    public static DicomBuffer Encode<T>(DicomVR vr, DicomCharacterSet cs, IReadOnlyList<T> values)
    {
        switch (vr.Kind)
        {
            case DicomVRKind.Text:
            {
                var text = string.Join('\\', values.Select(v => FormatText(v, vr)));
                byte[] bytes = vr.UsesSpecificCharacterSet ? cs.Encode(text, vr) : System.Text.Encoding.Latin1.GetBytes(text);
                return Pad(bytes, vr.PaddingByte);
            }
            case DicomVRKind.Bytes:
            {
                if (values is IReadOnlyList<byte> b) return DicomBuffer.FromMemory(Pad([.. b], 0).Memory);
                if (values.Count == 1 && values[0] is byte[] raw) return Pad(raw, 0);
                if (values.Count == 1 && values[0] is ReadOnlyMemory<byte> mem) return DicomBuffer.FromMemory(mem);
                break;
            }
            case DicomVRKind.Tag:
            {
                var bytes = new byte[values.Count * 4];
                for (int i = 0; i < values.Count; i++)
                {
                    var tag = values[i] switch
                    {
                        DicomTag x => x,
                        uint u => new DicomTag(u),
                        string s => DicomTag.TryParse(s, out var parsed) ? parsed : throw new DicomException($"'{s}' is not a tag; AT values are written (gggg,eeee)."),
                        _ => throw new DicomException($"AT values are DicomTag, uint or string, not {typeof(T).Name}."),
                    };
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), tag.Group);
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4 + 2), tag.Element);
                }
                return DicomBuffer.FromMemory(bytes);
            }
            case DicomVRKind.Binary:
            {
                // Bytes given for a binary VR are its little endian encoding (e.g. OW pixel data).
                if (values is byte[] rawBytes) return DicomBuffer.FromMemory(rawBytes);
                if (values.Count == 1 && values[0] is byte[] raw) return DicomBuffer.FromMemory(raw);
                if (typeof(T) == typeof(byte)) return DicomBuffer.FromMemory(values.Cast<byte>().ToArray());
                var bytes = new byte[values.Count * vr.UnitSize];
                int i = 0;
                try
                {
                    for (; i < values.Count; i++) WriteBinary(bytes.AsSpan(i * vr.UnitSize), vr, values[i]!);
                }
                catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException)
                {
                    throw new DicomException($"{vr.Code} value {i} ({Convert.ToString(values[i], Inv)}) does not fit: {ex.Message}", ex);
                }
                return DicomBuffer.FromMemory(bytes);
            }
        }
        throw new DicomException($"{vr.Code} values cannot be made from {typeof(T).Name}.");
    }

    private static void WriteBinary(Span<byte> d, DicomVR vr, object v)
    {
        if (v is string s) v = double.Parse(s, Inv);
        switch (vr.Code)
        {
            case "US" or "OW": BinaryPrimitives.WriteUInt16LittleEndian(d, Convert.ToUInt16(v, Inv)); break;
            case "SS": BinaryPrimitives.WriteInt16LittleEndian(d, Convert.ToInt16(v, Inv)); break;
            case "UL" or "OL": BinaryPrimitives.WriteUInt32LittleEndian(d, Convert.ToUInt32(v, Inv)); break;
            case "SL": BinaryPrimitives.WriteInt32LittleEndian(d, Convert.ToInt32(v, Inv)); break;
            case "FL" or "OF": BinaryPrimitives.WriteSingleLittleEndian(d, Convert.ToSingle(v, Inv)); break;
            case "FD" or "OD": BinaryPrimitives.WriteDoubleLittleEndian(d, Convert.ToDouble(v, Inv)); break;
            case "SV": BinaryPrimitives.WriteInt64LittleEndian(d, Convert.ToInt64(v, Inv)); break;
            case "UV" or "OV": BinaryPrimitives.WriteUInt64LittleEndian(d, Convert.ToUInt64(v, Inv)); break;
        }
    }

    private static string FormatText<T>(T value, DicomVR vr) => value switch
    {
        null => string.Empty,
        string s => s,
        DateOnly d => DicomValueText.FormatDate(d),
        TimeOnly t => DicomValueText.FormatTime(t),
        DateTimeOffset dto => DicomValueText.FormatDateTime(dto),
        DateTime dt => vr == DicomVR.DA ? DicomValueText.FormatDate(DateOnly.FromDateTime(dt))
            : vr == DicomVR.TM ? DicomValueText.FormatTime(TimeOnly.FromDateTime(dt)) : DicomValueText.FormatDateTime(dt),
        double or float or decimal when vr == DicomVR.DS => DicomValueText.FormatDecimalString(Convert.ToDouble(value, Inv)),
        IFormattable f => f.ToString(null, Inv),
        _ => value.ToString() ?? string.Empty,
    };

    private static DicomBuffer Pad(byte[] bytes, byte padding)
    {
        if ((bytes.Length & 1) == 0) return DicomBuffer.FromMemory(bytes);
        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = padding;
        return DicomBuffer.FromMemory(padded);
    }
}
