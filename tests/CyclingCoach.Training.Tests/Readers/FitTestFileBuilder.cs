using System.Buffers.Binary;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>Writes small FIT files byte by byte for decoder tests (independent of the decoder's own code paths).</summary>
internal sealed class FitTestFileBuilder
{
    private readonly List<byte> _data = [];
    private readonly Dictionary<int, (bool BigEndian, (byte Num, byte Size, byte Type)[] Fields, int DevBytes)> _defs = [];

    public FitTestFileBuilder Definition(int local, ushort global, bool bigEndian, (byte Num, byte Size, byte Type)[] fields, (byte Num, byte Size, byte Index)[]? devFields = null)
    {
        var header = (byte)(0x40 | local | (devFields is null ? 0 : 0x20));
        _data.Add(header);
        _data.Add(0);
        _data.Add(bigEndian ? (byte)1 : (byte)0);
        var g = new byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(g, global);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(g, global);
        }
        _data.AddRange(g);
        _data.Add((byte)fields.Length);
        foreach (var f in fields)
        {
            _data.AddRange([f.Num, f.Size, f.Type]);
        }
        var devBytes = 0;
        if (devFields is not null)
        {
            _data.Add((byte)devFields.Length);
            foreach (var d in devFields)
            {
                _data.AddRange([d.Num, d.Size, d.Index]);
                devBytes += d.Size;
            }
        }
        _defs[local] = (bigEndian, fields, devBytes);
        return this;
    }

    /// <summary>A data message; one value per field (written in the definition's byte order), then dev bytes (0xAB).</summary>
    public FitTestFileBuilder Data(int local, params ulong[] values) => Message((byte)local, local, values);

    /// <summary>A compressed-timestamp data message (local type 0-3, 5-bit time offset).</summary>
    public FitTestFileBuilder Compressed(int local, int timeOffset, params ulong[] values) =>
        Message((byte)(0x80 | (local << 5) | (timeOffset & 0x1F)), local, values);

    public FitTestFileBuilder Raw(params byte[] bytes)
    {
        _data.AddRange(bytes);
        return this;
    }

    private FitTestFileBuilder Message(byte header, int local, ulong[] values)
    {
        var (be, fields, devBytes) = _defs[local];
        _data.Add(header);
        for (var i = 0; i < fields.Length; i++)
        {
            int size = fields[i].Size;
            var buf = new byte[size];
            for (var b = 0; b < size && b < 8; b++)
            {
                var shift = 8 * (be ? Math.Min(size, 8) - 1 - b : b);
                buf[b] = (byte)(values[i] >> shift);
            }
            _data.AddRange(buf);
        }
        for (var i = 0; i < devBytes; i++)
        {
            _data.Add(0xAB);
        }
        return this;
    }

    public byte[] Build(int headerSize = 14, bool headerCrc = true, bool fileCrc = true)
    {
        var file = new byte[headerSize + _data.Count + 2];
        file[0] = (byte)headerSize;
        file[1] = 0x20;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), 2132);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)_data.Count);
        "  .FIT"u8[2..].CopyTo(file.AsSpan(8));
        if (headerSize >= 14 && headerCrc)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitCrc.Compute(file.AsSpan(0, 12)));
        }
        _data.CopyTo(file, headerSize);
        if (fileCrc)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), FitCrc.Compute(file.AsSpan(0, file.Length - 2)));
        }
        return file;
    }
}
