using System.Buffers.Binary;
using System.Text;

namespace CyclingCoach.Coaching.Tests.Exports;

/// <summary>One decoded data message: its global number and its fields (numbers as <c>ulong</c>, strings as text).</summary>
internal sealed record FitTestMessage(ushort Global, IReadOnlyDictionary<byte, object> Fields)
{
    public ulong Number(byte field) => Fields.TryGetValue(field, out var v) && v is ulong n ? n : throw new KeyNotFoundException($"message {Global} has no numeric field {field}");

    public string Text(byte field) => Fields.TryGetValue(field, out var v) && v is string s ? s : throw new KeyNotFoundException($"message {Global} has no string field {field}");
}

/// <summary>
/// A small FIT reader written for the tests, independent of the writer and of the Training library: checks the header,
/// the header CRC and the file CRC (a bit-by-bit CRC-16/ARC, not the library's table one) and walks definition and data
/// messages of any global number. Only what a writer of workout files needs: normal record headers, no developer
/// fields, no compressed timestamps.
/// </summary>
internal static class FitTestReader
{
    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    public static List<FitTestMessage> Read(byte[] file)
    {
        Assert.True(file.Length >= 16, "shorter than a header and a CRC");
        Assert.Equal(14, file[0]);
        Assert.Equal(".FIT", Encoding.ASCII.GetString(file, 8, 4));
        Assert.Equal(Crc16(file.AsSpan(0, 12)), BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(12)));
        var dataSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4));
        Assert.Equal(file.Length, 14 + dataSize + 2);
        Assert.Equal(Crc16(file.AsSpan(0, 14 + dataSize)), BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(14 + dataSize)));

        var definitions = new Dictionary<int, (ushort Global, bool BigEndian, (byte Number, byte Size, byte Type)[] Fields)>();
        var messages = new List<FitTestMessage>();
        var pos = 14;
        var end = 14 + dataSize;
        while (pos < end)
        {
            var header = file[pos++];
            Assert.Equal(0, header & 0x80); // no compressed timestamp headers
            var local = header & 0x0F;
            if ((header & 0x40) != 0)
            {
                Assert.Equal(0, header & 0x20); // no developer fields
                var bigEndian = file[pos + 1] == 1;
                var global = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(pos + 2)) : BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(pos + 2));
                var count = file[pos + 4];
                pos += 5;
                var fields = new (byte, byte, byte)[count];
                for (var i = 0; i < count; i++, pos += 3)
                {
                    fields[i] = (file[pos], file[pos + 1], file[pos + 2]);
                }

                definitions[local] = (global, bigEndian, fields);
                continue;
            }

            Assert.True(definitions.TryGetValue(local, out var definition), $"data message of undefined local type {local} at byte {pos - 1}");
            var values = new Dictionary<byte, object>();
            foreach (var (number, size, type) in definition.Fields)
            {
                var bytes = file.AsSpan(pos, size);
                var terminator = bytes.IndexOf((byte)0);
                values[number] = (type & 0x1F) == 0x07
                    ? Encoding.UTF8.GetString(bytes[..(terminator >= 0 ? terminator : size)])
                    : Unsigned(bytes, definition.BigEndian);
                pos += size;
            }

            messages.Add(new FitTestMessage(definition.Global, values));
        }

        Assert.Equal(end, pos);
        return messages;
    }

    private static ulong Unsigned(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        ulong value = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            value |= (ulong)bytes[bigEndian ? bytes.Length - 1 - i : i] << (8 * i);
        }

        return value;
    }
}
