namespace CyclingCoach.Training.Readers;

/// <summary>
/// The FIT CRC-16 (the FIT SDK's nibble-table CRC; mathematically CRC-16/ARC: reflected poly 0xA001, init 0).
/// Uses a 256-entry byte table, equivalent to the SDK's two nibble steps per byte.
/// </summary>
public static class FitCrc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data, ushort crc = 0)
    {
        var table = Table;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ table[(crc ^ b) & 0xFF]);
        }
        return crc;
    }

    /// <summary>The SDK's reference algorithm, nibble by nibble (kept to prove the byte table equivalent).</summary>
    public static ushort ComputeNibbleReference(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<ushort> nibble = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
                                       0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400];
        ushort crc = 0;
        foreach (var b in data)
        {
            var tmp = nibble[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ nibble[b & 0xF]);
            tmp = nibble[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ nibble[(b >> 4) & 0xF]);
        }
        return crc;
    }

    private static ushort[] BuildTable()
    {
        var t = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var c = (ushort)i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (ushort)((c >> 1) ^ 0xA001) : (ushort)(c >> 1);
            }
            t[i] = c;
        }
        return t;
    }
}
