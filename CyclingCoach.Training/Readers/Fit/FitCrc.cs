namespace CyclingCoach.Training.Readers;

/// <summary>
/// The FIT CRC-16 (the FIT SDK's nibble-table CRC; mathematically CRC-16/ARC: reflected poly 0xA001, init 0).
/// Uses slicing-by-8 byte tables, equivalent to the SDK's two nibble steps per byte.
/// </summary>
public static class FitCrc
{
    // Slicing-by-8: Tables[k][b] is the CRC contribution of byte b followed by k zero bytes.
    private static readonly ushort[] Tables = BuildTables();

    public static ushort Compute(ReadOnlySpan<byte> data, ushort crc = 0)
    {
        var t = Tables.AsSpan();
        var i = 0;
        uint c = crc;
        for (; i + 8 <= data.Length; i += 8)
        {
            c ^= (uint)(data[i] | (data[i + 1] << 8));
            c = (uint)(t[(7 * 256) + (int)(c & 0xFF)] ^ t[(6 * 256) + (int)(c >> 8)] ^ t[(5 * 256) + data[i + 2]] ^ t[(4 * 256) + data[i + 3]] ^
                       t[(3 * 256) + data[i + 4]] ^ t[(2 * 256) + data[i + 5]] ^ t[256 + data[i + 6]] ^ t[data[i + 7]]);
        }
        for (; i < data.Length; i++)
        {
            c = (c >> 8) ^ t[(int)((c ^ data[i]) & 0xFF)];
        }
        return (ushort)c;
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

    private static ushort[] BuildTables()
    {
        var t = new ushort[8 * 256];
        for (var i = 0; i < 256; i++)
        {
            var c = (ushort)i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (ushort)((c >> 1) ^ 0xA001) : (ushort)(c >> 1);
            }
            t[i] = c;
        }
        for (var k = 1; k < 8; k++)
        {
            for (var i = 0; i < 256; i++)
            {
                var prev = t[((k - 1) * 256) + i];
                t[(k * 256) + i] = (ushort)((prev >> 8) ^ t[prev & 0xFF]);
            }
        }
        return t;
    }
}
