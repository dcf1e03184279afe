namespace CyclingCoach.Sync.Tests.Support;

/// <summary>
/// Writes small, valid FIT activity files (file_id, 1 Hz records, session; correct header and file CRCs) so tests and
/// the benchmark can make as many distinct rides as they need.
/// </summary>
public static class FitWriter
{
    private static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ushort[] CrcTable =
    [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];

    /// <summary>A ride of <paramref name="seconds"/> 1 Hz records; power around <paramref name="basePower"/> W unless null; HR unless false.</summary>
    public static byte[] Ride(DateTime startUtc, int seconds, double? basePower = 200, bool heartRate = true, int seed = 0)
    {
        var data = new List<byte>();
        var start = Timestamp(startUtc);

        // file_id (global 0): type = activity (4), manufacturer = development (255), time_created.
        Definition(data, local: 0, global: 0, [(0, 1, 0x00), (1, 2, 0x84), (4, 4, 0x86)]);
        data.Add(0);
        data.Add(4);
        U16(data, 255);
        U32(data, start);

        // record (global 20): timestamp, distance (cm), speed (mm/s), altitude ((m + 500) * 5), power, heart rate, cadence.
        var fields = new List<(byte, byte, byte)> { (253, 4, 0x86), (5, 4, 0x86), (6, 2, 0x84), (2, 2, 0x84) };
        if (basePower is not null)
        {
            fields.Add((7, 2, 0x84));
            fields.Add((4, 1, 0x02));
        }

        if (heartRate)
        {
            fields.Add((3, 1, 0x02));
        }

        Definition(data, local: 1, global: 20, fields);
        var random = new Random(seed);
        double distance = 0;
        for (var i = 0; i < seconds; i++)
        {
            var speed = 8 + (2 * Math.Sin(i / 90.0)) + random.NextDouble();
            distance += speed;
            data.Add(1);
            U32(data, start + (uint)i);
            U32(data, (uint)(distance * 100));
            U16(data, (ushort)(speed * 1000));
            U16(data, (ushort)((100 + (20 * Math.Sin(i / 300.0)) + 500) * 5));
            if (basePower is { } p)
            {
                U16(data, (ushort)Math.Max(0, p + (60 * Math.Sin(i / 45.0)) + random.Next(-15, 16)));
                data.Add((byte)(85 + random.Next(0, 10)));
            }

            if (heartRate)
            {
                data.Add((byte)(130 + (15 * Math.Sin(i / 200.0)) + random.Next(0, 4)));
            }
        }

        // session (global 18): timestamp, start_time, total_elapsed_time, total_timer_time (ms), total_distance (cm), sport = cycling (2).
        Definition(data, local: 2, global: 18, [(253, 4, 0x86), (2, 4, 0x86), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86), (5, 1, 0x00)]);
        data.Add(2);
        U32(data, start + (uint)seconds);
        U32(data, start);
        U32(data, (uint)(seconds * 1000));
        U32(data, (uint)(seconds * 1000));
        U32(data, (uint)(distance * 100));
        data.Add(2);

        var header = new List<byte> { 14, 0x20 };
        U16(header, 2140);
        U32(header, (uint)data.Count);
        header.AddRange(".FIT"u8.ToArray());
        U16(header, Crc(header.ToArray()));
        var file = header.Concat(data).ToList();
        U16(file, Crc(file.ToArray()));
        return file.ToArray();
    }

    private static void Definition(List<byte> data, byte local, ushort global, IReadOnlyList<(byte Number, byte Size, byte BaseType)> fields)
    {
        data.Add((byte)(0x40 | local));
        data.Add(0);
        data.Add(0);
        U16(data, global);
        data.Add((byte)fields.Count);
        foreach (var (number, size, baseType) in fields)
        {
            data.Add(number);
            data.Add(size);
            data.Add(baseType);
        }
    }

    private static uint Timestamp(DateTime utc) => (uint)(utc - FitEpoch).TotalSeconds;

    private static void U16(List<byte> data, ushort v)
    {
        data.Add((byte)v);
        data.Add((byte)(v >> 8));
    }

    private static void U32(List<byte> data, uint v)
    {
        for (var i = 0; i < 4; i++)
        {
            data.Add((byte)(v >> (8 * i)));
        }
    }

    private static ushort Crc(byte[] bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            var tmp = CrcTable[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ CrcTable[b & 0xF]);
            tmp = CrcTable[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ CrcTable[(b >> 4) & 0xF]);
        }

        return crc;
    }
}
