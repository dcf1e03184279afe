using System.Globalization;

namespace CyclingCoach.Training.Readers;

/// <summary>Culture-invariant number and ISO-8601 time parsing for XML text; bad values become NaN/null.</summary>
internal static class XmlValues
{
    public static double ParseDouble(string? s) =>
        s is not null && double.TryParse(s.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : double.NaN;

    /// <summary>Fast path for <c>yyyy-MM-ddTHH:mm:ss[.f…][Z|±hh:mm]</c>; falls back to the framework parser. No zone means UTC.</summary>
    public static DateTime? ParseTime(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var s = text.AsSpan().Trim();
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
