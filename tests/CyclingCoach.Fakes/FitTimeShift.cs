using System.Buffers.Binary;

namespace CyclingCoach.Fakes;

/// <summary>
/// Moves a real FIT recording in time, so each fake activity's original file starts when its list item says (the
/// store dedupes rides by start time). Every date_time field (timestamp 253 in any message; time_created,
/// start_time, local_timestamp where the profile has them) is shifted by a multiple of 32 s, which keeps compressed
/// timestamp headers valid; the file CRC is recomputed. Only the first FIT file of a chain is kept.
/// </summary>
public static class FitTimeShift
{
    private const uint Invalid = 0xFFFFFFFF;
    private const uint MinDateTime = 0x10000000; // smaller values are relative (system time)

    /// <summary>The first date_time found (the recording's start as the header/records carry it), in FIT seconds.</summary>
    public static uint FirstTimestamp(byte[] fit)
    {
        uint? first = null;
        Walk((byte[])fit.Clone(), (value, _) =>
        {
            first ??= value;
            return value;
        });
        return first ?? throw new InvalidDataException("The FIT file has no timestamps.");
    }

    /// <summary>The largest date_time in the file (the end of the recording), in FIT seconds.</summary>
    public static uint LastTimestamp(byte[] fit)
    {
        uint last = 0;
        Walk((byte[])fit.Clone(), (value, _) =>
        {
            last = Math.Max(last, value);
            return value;
        });
        return last;
    }

    public static byte[] Shift(byte[] fit, long deltaSeconds)
    {
        if (deltaSeconds % 32 != 0)
        {
            throw new ArgumentException("Shift by a multiple of 32 s so compressed timestamps stay valid.", nameof(deltaSeconds));
        }

        var copy = (byte[])fit.Clone();
        return FitFields.WithCrc(copy, Walk(copy, (value, _) => (uint)(value + deltaSeconds)));
    }

    /// <summary>The recording moved to start at <paramref name="targetUtc"/> (to within 32 s), and where it now starts.</summary>
    public static (byte[] Fit, DateTime StartUtc) StartingAt(byte[] fit, DateTime targetUtc)
    {
        var first = ToUtc(FirstTimestamp(fit));
        var shifted = Shift(fit, (long)Math.Floor((targetUtc - first).TotalSeconds / 32) * 32);
        return (shifted, ToUtc(FirstTimestamp(shifted)));
    }

    public static DateTime ToUtc(uint fitSeconds) => new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc).AddSeconds(fitSeconds);

    /// <summary>Rewrites each absolute date_time through <paramref name="map"/>; returns the end of the data (CRC offset).</summary>
    private static int Walk(byte[] fit, Func<uint, int, uint> map) => FitFields.Visit(fit, (global, number, baseType, bigEndian, span) =>
    {
        if (span.Length == 4 && (baseType & 0x1F) == 0x06 && IsDateTime(global, number))
        {
            var value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
            if (value != Invalid && value >= MinDateTime)
            {
                var mapped = map(value, global);
                if (bigEndian)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(span, mapped);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(span, mapped);
                }
            }
        }
    });

    // FIT profile date_time fields: timestamp (253) everywhere; file_id.time_created (0/4); lap and session
    // start_time (19/2, 18/2); activity.local_timestamp (34/5); device_info has only 253.
    private static bool IsDateTime(ushort global, byte field) =>
        field == 253 || (global == 0 && field == 4) || (global is 18 or 19 && field == 2) || (global == 34 && field == 5);
}
