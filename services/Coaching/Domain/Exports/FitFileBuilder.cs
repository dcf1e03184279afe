using System.Buffers.Binary;
using System.Text;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Coaching.Domain.Exports;

/// <summary>
/// Writes the FIT container (FIT protocol 1.0, the layout <see cref="FitDecoder"/> reads): a 14-byte header with its
/// CRC, definition and data messages with normal record headers, little-endian, and the file CRC over header and data.
/// A definition is written before the first data message of a local type and again only when the layout changes.
/// </summary>
internal sealed class FitFileBuilder
{
    private const byte HeaderSize = 14;
    private const byte ProtocolVersion = 0x10; // 1.0: no developer fields needed
    private const ushort ProfileVersion = 2140; // 21.40, the profile whose workout messages are written

    private static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private readonly MemoryStream _records = new();
    private readonly Dictionary<byte, (ushort Global, string Layout)> _defined = [];

    /// <summary>A FIT <c>date_time</c>: whole seconds since 1989-12-31 00:00 UTC.</summary>
    public static uint Timestamp(DateTimeOffset time) => (uint)Math.Max(0, (time.UtcDateTime - FitEpoch).TotalSeconds);

    public void Write(byte localType, ushort globalMessage, IReadOnlyList<FitField> fields)
    {
        var layout = string.Join(',', fields.Select(f => $"{f.Number}:{f.BaseType}:{f.Bytes.Length}"));
        if (!_defined.TryGetValue(localType, out var defined) || defined.Global != globalMessage || defined.Layout != layout)
        {
            _records.WriteByte((byte)(0x40 | localType)); // definition message
            _records.WriteByte(0); // reserved
            _records.WriteByte(0); // architecture: little-endian
            Span<byte> global = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(global, globalMessage);
            _records.Write(global);
            _records.WriteByte((byte)fields.Count);
            foreach (var f in fields)
            {
                _records.WriteByte(f.Number);
                _records.WriteByte((byte)f.Bytes.Length);
                _records.WriteByte(f.BaseType);
            }

            _defined[localType] = (globalMessage, layout);
        }

        _records.WriteByte(localType); // data message
        foreach (var f in fields)
        {
            _records.Write(f.Bytes);
        }
    }

    public byte[] ToArray()
    {
        var dataSize = (int)_records.Length;
        var file = new byte[HeaderSize + dataSize + 2];
        file[0] = HeaderSize;
        file[1] = ProtocolVersion;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), ProfileVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)dataSize);
        Encoding.ASCII.GetBytes(".FIT", file.AsSpan(8));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitCrc.Compute(file.AsSpan(0, 12)));
        _records.GetBuffer().AsSpan(0, dataSize).CopyTo(file.AsSpan(HeaderSize));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(HeaderSize + dataSize), FitCrc.Compute(file.AsSpan(0, HeaderSize + dataSize)));
        return file;
    }
}
