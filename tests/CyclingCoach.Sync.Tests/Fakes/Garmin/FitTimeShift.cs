using System.Buffers.Binary;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Sync.Tests.Fakes.Garmin;

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

    public static byte[] Shift(byte[] fit, long deltaSeconds)
    {
        if (deltaSeconds % 32 != 0)
        {
            throw new ArgumentException("Shift by a multiple of 32 s so compressed timestamps stay valid.", nameof(deltaSeconds));
        }

        var copy = (byte[])fit.Clone();
        var end = Walk(copy, (value, _) => (uint)(value + deltaSeconds));
        var result = copy.AsSpan(0, end + 2).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(end), FitCrc.Compute(result.AsSpan(0, end)));
        return result;
    }

    public static DateTime ToUtc(uint fitSeconds) => new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc).AddSeconds(fitSeconds);

    /// <summary>Rewrites each absolute date_time through <paramref name="map"/>; returns the end of the data (CRC offset).</summary>
    private static int Walk(byte[] fit, Func<uint, int, uint> map)
    {
        int headerSize = fit[0];
        var dataSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(fit.AsSpan(4));
        var end = headerSize + dataSize;
        var definitions = new Definition?[16];
        var position = headerSize;
        while (position < end)
        {
            var header = fit[position++];
            if ((header & 0x80) != 0)
            {
                position = Data(fit, position, definitions[(header >> 5) & 0x03]!, map);
            }
            else if ((header & 0x40) != 0)
            {
                var bigEndian = fit[position + 1] == 1;
                var global = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(fit.AsSpan(position + 2)) : BinaryPrimitives.ReadUInt16LittleEndian(fit.AsSpan(position + 2));
                int count = fit[position + 4];
                var fields = new List<(byte Number, byte Size, byte BaseType)>();
                position += 5;
                for (var i = 0; i < count; i++, position += 3)
                {
                    fields.Add((fit[position], fit[position + 1], fit[position + 2]));
                }

                var developerBytes = 0;
                if ((header & 0x20) != 0)
                {
                    int developerCount = fit[position++];
                    for (var i = 0; i < developerCount; i++, position += 3)
                    {
                        developerBytes += fit[position + 1];
                    }
                }

                definitions[header & 0x0F] = new Definition(global, bigEndian, fields, developerBytes);
            }
            else
            {
                position = Data(fit, position, definitions[header & 0x0F]!, map);
            }
        }

        return end;
    }

    private static int Data(byte[] fit, int position, Definition definition, Func<uint, int, uint> map)
    {
        foreach (var (number, size, baseType) in definition.Fields)
        {
            if (size == 4 && (baseType & 0x1F) == 0x06 && IsDateTime(definition.Global, number))
            {
                var span = fit.AsSpan(position, 4);
                var value = definition.BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
                if (value != Invalid && value >= MinDateTime)
                {
                    var mapped = map(value, definition.Global);
                    if (definition.BigEndian)
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(span, mapped);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(span, mapped);
                    }
                }
            }

            position += size;
        }

        return position + definition.DeveloperBytes;
    }

    // FIT profile date_time fields: timestamp (253) everywhere; file_id.time_created (0/4); lap and session
    // start_time (19/2, 18/2); activity.local_timestamp (34/5); device_info has only 253.
    private static bool IsDateTime(ushort global, byte field) =>
        field == 253 || (global == 0 && field == 4) || (global is 18 or 19 && field == 2) || (global == 34 && field == 5);

    private sealed record Definition(ushort Global, bool BigEndian, List<(byte Number, byte Size, byte BaseType)> Fields, int DeveloperBytes);
}
