namespace Imaging.Dicom;

// DA, TM and DT (PS3.5 Table 6.2-1). See DicomValueText.cs for the class summary.
internal static partial class DicomValueText
{
    private static readonly TimeSpan MaxUtcOffset = TimeSpan.FromHours(14);

    // ---------------------------------------------------------------- DA

    /// <summary>
    /// Parses a DA value "YYYYMMDD" (PS3.5 Table 6.2-1), or the ACR-NEMA form "YYYY.MM.DD" that pydicom also reads.
    /// Returns false for an empty value, other lengths, non-digits and impossible dates (e.g. 20230230).
    /// </summary>
    internal static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        value = default;
        var s = TrimPadding(text);
        int year, month, day;
        if (s.Length == 8)
        {
            if (!TryReadDigits(s, 0, 4, out year) || !TryReadDigits(s, 4, 2, out month) || !TryReadDigits(s, 6, 2, out day)) return false;
        }
        else if (s.Length == 10 && s[4] == '.' && s[7] == '.')
        {
            if (!TryReadDigits(s, 0, 4, out year) || !TryReadDigits(s, 5, 2, out month) || !TryReadDigits(s, 8, 2, out day)) return false;
        }
        else
        {
            return false;
        }
        if (!IsValidDate(year, month, day)) return false;
        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses a DA value (PS3.5 Table 6.2-1); see <see cref="TryParseDate"/>.</summary>
    /// <exception cref="FormatException">The text is not a date.</exception>
    internal static DateOnly ParseDate(ReadOnlySpan<char> text) =>
        TryParseDate(text, out var value) ? value : throw InvalidValue(DicomVR.DA, text, "expected YYYYMMDD");

    /// <summary>Formats a date as a DA value "YYYYMMDD" (PS3.5 Table 6.2-1).</summary>
    internal static string FormatDate(DateOnly value)
    {
        Span<char> buffer = stackalloc char[8];
        WriteDate(buffer, value.Year, value.Month, value.Day);
        return new string(buffer);
    }

    // ---------------------------------------------------------------- TM

    /// <summary>
    /// Parses a TM value "HH[MM[SS[.F{1-6}]]]" (PS3.5 Table 6.2-1), or the ACR-NEMA form "HH:MM[:SS[.F…]]".
    /// A leap second (60) is read as 59, as pydicom does; fraction digits past the seventh are ignored.
    /// </summary>
    internal static bool TryParseTime(ReadOnlySpan<char> text, out TimeOnly value) => TryParseTime(text, out value, out _);

    /// <summary>
    /// Parses a TM value and reports its precision: the length in ticks of the last component given
    /// (an hour for "HH", a minute for "HHMM", 100 ms for "HHMMSS.F"), used to find the end of a range (PS3.4 §C.2.2.2.5.2).
    /// </summary>
    internal static bool TryParseTime(ReadOnlySpan<char> text, out TimeOnly value, out long precisionTicks)
    {
        value = default;
        precisionTicks = 0;
        var s = TrimPadding(text);
        if (!TryReadDigits(s, 0, 2, out int hour)) return false;
        int pos = 2, minute = 0, second = 0;
        long precision = TimeSpan.TicksPerHour;
        bool colons = s.Length > 2 && s[2] == ':';
        if (pos < s.Length && s[pos] != '.')
        {
            if (!TryReadTimeComponent(s, ref pos, colons, out minute)) return false;
            precision = TimeSpan.TicksPerMinute;
            if (pos < s.Length && s[pos] != '.')
            {
                if (!TryReadTimeComponent(s, ref pos, colons, out second)) return false;
                precision = TimeSpan.TicksPerSecond;
            }
        }
        long fraction = 0;
        if (pos < s.Length)
        {
            if (s[pos] != '.' || precision != TimeSpan.TicksPerSecond) return false;
            if (!TryReadFraction(s[(pos + 1)..], out fraction, out long unit)) return false;
            precision = unit;
        }
        if (hour > 23 || minute > 59 || second > 60) return false;
        if (second == 60) second = 59;
        value = new TimeOnly(hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond + fraction);
        precisionTicks = precision;
        return true;
    }

    /// <summary>Parses a TM value (PS3.5 Table 6.2-1); see <see cref="TryParseTime(ReadOnlySpan{char}, out TimeOnly)"/>.</summary>
    /// <exception cref="FormatException">The text is not a time.</exception>
    internal static TimeOnly ParseTime(ReadOnlySpan<char> text) =>
        TryParseTime(text, out var value) ? value : throw InvalidValue(DicomVR.TM, text, "expected HH[MM[SS[.FFFFFF]]]");

    /// <summary>
    /// Formats a time as a TM value (PS3.5 Table 6.2-1): "HHMMSS", followed by ".F" to ".FFFFFF" when the
    /// time has a non-zero fraction of a second, trailing zeros of the fraction dropped. Ticks below a microsecond are truncated.
    /// </summary>
    internal static string FormatTime(TimeOnly value)
    {
        Span<char> buffer = stackalloc char[13];
        int n = WriteTime(buffer, value.Ticks);
        return new string(buffer[..n]);
    }

    // ---------------------------------------------------------------- DT

    /// <summary>
    /// Parses a DT value "YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&amp;ZZXX]" (PS3.5 Table 6.2-1).
    /// <paramref name="value"/> is the date and time as written (<see cref="DateTimeKind.Unspecified"/>), missing
    /// components taken as their first value (month 1, day 1, 00:00:00); <paramref name="offset"/> is the
    /// "&amp;ZZXX" offset from UTC, or null when the value has none.
    /// </summary>
    internal static bool TryParseDateTime(ReadOnlySpan<char> text, out DateTime value, out TimeSpan? offset) =>
        TryParseDateTimeCore(text, out value, out offset, out _);

    /// <summary>
    /// Parses a DT value (PS3.5 Table 6.2-1) as a <see cref="DateTimeOffset"/>. A value without "&amp;ZZXX" takes
    /// <paramref name="defaultOffset"/>, typically from Timezone Offset From UTC (0008,0201) (PS3.5 §6.2); its
    /// <see cref="DateTimeOffset.DateTime"/> is always the date and time as written.
    /// </summary>
    internal static bool TryParseDateTimeOffset(ReadOnlySpan<char> text, TimeSpan defaultOffset, out DateTimeOffset value)
    {
        value = default;
        return TryParseDateTimeCore(text, out var local, out var offset, out _)
            && TryCreateOffset(local, offset ?? defaultOffset, out value);
    }

    /// <summary>
    /// Parses a DT value (PS3.5 Table 6.2-1). The result's <see cref="DateTimeOffset.DateTime"/> is the date and time
    /// as written (<see cref="DateTimeKind.Unspecified"/>); its offset is the value's "&amp;ZZXX" when present, else
    /// <paramref name="defaultOffset"/> (UTC when null). Callers that must know whether the value had an offset use
    /// <see cref="TryParseDateTime(ReadOnlySpan{char}, out DateTime, out TimeSpan?)"/>.
    /// </summary>
    /// <exception cref="FormatException">The text is not a date-time.</exception>
    internal static DateTimeOffset ParseDateTime(ReadOnlySpan<char> text, TimeSpan? defaultOffset = null) =>
        TryParseDateTimeOffset(text, defaultOffset ?? TimeSpan.Zero, out var value)
            ? value
            : throw InvalidValue(DicomVR.DT, text, "expected YYYY[MM[DD[HH[MM[SS[.FFFFFF]]]]]][&ZZXX]");

    /// <summary>
    /// Formats a date-time as a DT value "YYYYMMDDHHMMSS[.F…]" (PS3.5 Table 6.2-1), fraction as in <see cref="FormatTime"/>.
    /// A <see cref="DateTimeKind.Utc"/> value gets the suffix "+0000"; Local and Unspecified values get none.
    /// </summary>
    internal static string FormatDateTime(DateTime value)
    {
        Span<char> buffer = stackalloc char[26];
        int n = WriteDateTime(buffer, value);
        if (value.Kind == DateTimeKind.Utc) n += WriteOffset(buffer[n..], TimeSpan.Zero);
        return new string(buffer[..n]);
    }

    /// <summary>Formats a date-time as a DT value "YYYYMMDDHHMMSS[.F…]&amp;ZZXX" with its offset from UTC (PS3.5 Table 6.2-1).</summary>
    internal static string FormatDateTime(DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[26];
        int n = WriteDateTime(buffer, value.DateTime);
        n += WriteOffset(buffer[n..], value.Offset);
        return new string(buffer[..n]);
    }

    /// <summary>
    /// Parses a DT value into the date and time as written, its offset when present, and the last tick of the
    /// period its precision names ("2006" ends at 2006-12-31T23:59:59.9999999), for range upper bounds (PS3.4 §C.2.2.2.5.3).
    /// </summary>
    internal static bool TryParseDateTimeCore(ReadOnlySpan<char> text, out DateTime value, out TimeSpan? offset, out DateTime periodEnd)
    {
        value = default;
        periodEnd = default;
        offset = null;
        var s = TrimPadding(text);
        TimeSpan? parsedOffset = null;
        int signAt = s.IndexOfAny('+', '-');
        if (signAt >= 0)
        {
            var suffix = s[signAt..];
            if (suffix.Length != 5 || !TryReadDigits(suffix, 1, 2, out int offsetHours) || !TryReadDigits(suffix, 3, 2, out int offsetMinutes) || offsetMinutes > 59) return false;
            var magnitude = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (magnitude > MaxUtcOffset) return false;
            parsedOffset = suffix[0] == '-' ? -magnitude : magnitude;
            s = s[..signAt];
        }
        int digits = CountLeadingDigits(s);
        if (digits < 4 || digits > 14 || digits % 2 != 0) return false;
        TryReadDigits(s, 0, 4, out int year);
        int month = 1, day = 1, hour = 0, minute = 0, second = 0;
        if (digits >= 6) TryReadDigits(s, 4, 2, out month);
        if (digits >= 8) TryReadDigits(s, 6, 2, out day);
        if (digits >= 10) TryReadDigits(s, 8, 2, out hour);
        if (digits >= 12) TryReadDigits(s, 10, 2, out minute);
        if (digits >= 14) TryReadDigits(s, 12, 2, out second);
        long fraction = 0, unit = TimeSpan.TicksPerSecond;
        if (digits < s.Length)
        {
            if (digits != 14 || s[digits] != '.' || !TryReadFraction(s[(digits + 1)..], out fraction, out unit)) return false;
        }
        if (!IsValidDate(year, month, day) || hour > 23 || minute > 59 || second > 60) return false;
        if (second == 60) second = 59;
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        offset = parsedOffset;
        periodEnd = digits switch
        {
            4 => year == 9999 ? DateTime.MaxValue : value.AddYears(1).AddTicks(-1),
            6 => year == 9999 && month == 12 ? DateTime.MaxValue : value.AddMonths(1).AddTicks(-1),
            8 => AddTicksClamped(value, TimeSpan.TicksPerDay - 1),
            10 => AddTicksClamped(value, TimeSpan.TicksPerHour - 1),
            12 => AddTicksClamped(value, TimeSpan.TicksPerMinute - 1),
            _ => AddTicksClamped(value, unit - 1),
        };
        return true;
    }

    /// <summary>Builds a <see cref="DateTimeOffset"/> without throwing: false when the offset is not whole minutes within ±14:00 or the instant is out of range.</summary>
    internal static bool TryCreateOffset(DateTime clock, TimeSpan offset, out DateTimeOffset value)
    {
        value = default;
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset > MaxUtcOffset || offset < -MaxUtcOffset) return false;
        long utcTicks = clock.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return false;
        value = new DateTimeOffset(DateTime.SpecifyKind(clock, DateTimeKind.Unspecified), offset);
        return true;
    }

    // ---------------------------------------------------------------- shared pieces

    private static bool IsValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static DateTime AddTicksClamped(DateTime value, long ticks) =>
        ticks > DateTime.MaxValue.Ticks - value.Ticks ? DateTime.MaxValue : value.AddTicks(ticks);

    /// <summary>Reads two digits, after a colon in the ACR-NEMA form.</summary>
    private static bool TryReadTimeComponent(ReadOnlySpan<char> s, ref int pos, bool colons, out int value)
    {
        value = 0;
        if (colons)
        {
            if (pos >= s.Length || s[pos] != ':') return false;
            pos++;
        }
        if (!TryReadDigits(s, pos, 2, out value)) return false;
        pos += 2;
        return true;
    }

    /// <summary>
    /// Reads the digits after the decimal point of TM or DT as ticks (digits past the seventh are ignored) and the
    /// length of one unit of the last digit given (a second when there are none).
    /// </summary>
    private static bool TryReadFraction(ReadOnlySpan<char> digits, out long ticks, out long unit)
    {
        ticks = 0;
        unit = TimeSpan.TicksPerSecond;
        if (CountLeadingDigits(digits) != digits.Length) return false;
        int used = Math.Min(digits.Length, 7);
        for (int i = 0; i < used; i++)
        {
            ticks = ticks * 10 + (digits[i] - '0');
            unit /= 10;
        }
        for (int i = used; i < 7; i++) ticks *= 10;
        return true;
    }

    private static void WriteDate(Span<char> buffer, int year, int month, int day)
    {
        WriteNumber(buffer[..4], year);
        WriteNumber(buffer.Slice(4, 2), month);
        WriteNumber(buffer.Slice(6, 2), day);
    }

    /// <summary>Writes "HHMMSS[.F…]" for the time of day in <paramref name="ticks"/>; returns the count written.</summary>
    private static int WriteTime(Span<char> buffer, long ticks)
    {
        WriteNumber(buffer[..2], (int)(ticks / TimeSpan.TicksPerHour % 24));
        WriteNumber(buffer.Slice(2, 2), (int)(ticks / TimeSpan.TicksPerMinute % 60));
        WriteNumber(buffer.Slice(4, 2), (int)(ticks / TimeSpan.TicksPerSecond % 60));
        int microseconds = (int)(ticks % TimeSpan.TicksPerSecond / 10);
        if (microseconds == 0) return 6;
        buffer[6] = '.';
        WriteNumber(buffer.Slice(7, 6), microseconds);
        int n = 13;
        while (buffer[n - 1] == '0') n--;
        return n;
    }

    private static int WriteDateTime(Span<char> buffer, DateTime value)
    {
        WriteDate(buffer, value.Year, value.Month, value.Day);
        return 8 + WriteTime(buffer[8..], value.TimeOfDay.Ticks);
    }

    private static int WriteOffset(Span<char> buffer, TimeSpan offset)
    {
        buffer[0] = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        WriteNumber(buffer.Slice(1, 2), (int)magnitude.TotalHours);
        WriteNumber(buffer.Slice(3, 2), magnitude.Minutes);
        return 5;
    }

    /// <summary>Writes a non-negative number right-aligned, zero-filled, into exactly <paramref name="buffer"/>'s length.</summary>
    private static void WriteNumber(Span<char> buffer, int value)
    {
        for (int i = buffer.Length - 1; i >= 0; i--)
        {
            buffer[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }
}
