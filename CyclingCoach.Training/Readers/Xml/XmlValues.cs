using System.Globalization;

namespace CyclingCoach.Training.Readers;

/// <summary>Culture-invariant number and ISO-8601 time parsing for XML text; bad values become NaN/null.</summary>
internal static class XmlValues
{
    private static readonly double[] PowersOf10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static double ParseDouble(string? s) => s is null ? double.NaN : ParseDouble(s.AsSpan());

    public static double ParseDouble(ReadOnlySpan<char> text)
    {
        var span = text.Trim();
        if (TryParseSimpleDecimal(span, out var fast))
        {
            return fast;
        }
        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN;
    }

    /// <summary>
    /// Exact fast path for <c>[-+]digits[.digits]</c> with at most 15 significant digits: the mantissa and the power of
    /// ten are both exact doubles, so one division is correctly rounded (Clinger). Anything else returns false.
    /// </summary>
    private static bool TryParseSimpleDecimal(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            negative = s[i] == '-';
            i++;
        }
        long mantissa = 0;
        var digits = 0;
        var fractionDigits = 0;
        var seenDot = false;
        var any = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                any = true;
                if (mantissa != 0 || c != '0')
                {
                    if (++digits > 15)
                    {
                        return false;
                    }
                }
                mantissa = mantissa * 10 + (c - '0');
                if (seenDot)
                {
                    fractionDigits++;
                }
            }
            else if (c == '.' && !seenDot)
            {
                seenDot = true;
            }
            else
            {
                return false;
            }
        }
        if (!any || fractionDigits > 22)
        {
            return false;
        }
        value = mantissa / PowersOf10[fractionDigits];
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    /// <summary>Fast path for <c>yyyy-MM-ddTHH:mm:ss[.f…][Z|±hh:mm]</c>; falls back to the framework parser. No zone means UTC.</summary>
    public static DateTime? ParseTime(string? text) => text is null ? null : ParseTime(text.AsSpan());

    public static DateTime? ParseTime(ReadOnlySpan<char> text)
    {
        var s = text.Trim();
        if (s.Length >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ') && s[13] == ':' && s[16] == ':' &&
            TryDigits(s, 0, 4, out var year) && TryDigits(s, 5, 2, out var month) && TryDigits(s, 8, 2, out var day) &&
            TryDigits(s, 11, 2, out var hour) && TryDigits(s, 14, 2, out var minute) && TryDigits(s, 17, 2, out var second) &&
            month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month) && hour < 24 && minute < 60 && second < 60 && year >= 1)
        {
            var i = 19;
            long fractionTicks = 0;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                var scale = TimeSpan.TicksPerSecond / 10;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    fractionTicks += (s[i] - '0') * scale;
                    scale /= 10;
                    i++;
                }
            }
            var offsetTicks = 0L;
            if (i < s.Length)
            {
                if (s[i] == 'Z' && i == s.Length - 1)
                {
                    // UTC
                }
                else if ((s[i] == '+' || s[i] == '-') && s.Length - i == 6 && s[i + 3] == ':' &&
                         TryDigits(s, i + 1, 2, out var oh) && TryDigits(s, i + 4, 2, out var om))
                {
                    offsetTicks = (oh * 60L + om) * TimeSpan.TicksPerMinute * (s[i] == '-' ? -1 : 1);
                }
                else
                {
                    return Fallback(s);
                }
            }
            var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks - offsetTicks;
            return ticks is >= 0 and <= 3155378975999999999 ? new DateTime(ticks, DateTimeKind.Utc) : null;
        }
        return Fallback(s);
    }

    private static DateTime? Fallback(ReadOnlySpan<char> s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var dto)
            ? dto.UtcDateTime
            : null;

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
