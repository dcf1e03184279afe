using System.Buffers.Binary;

namespace CyclingCoach.Training.Readers;

/// <summary>Reads one FIT field as a number, mapping the base type's invalid sentinel (and short fields) to NaN.</summary>
internal static class FitValue
{
    // Sizes by base type number (low 5 bits): enum sint8 uint8 sint16 uint16 sint32 uint32 string float32 float64
    // uint8z uint16z uint32z byte sint64 uint64 uint64z
    private static ReadOnlySpan<byte> TypeSizes => [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];

    public static double Read(ReadOnlySpan<byte> message, FitFieldPlan f, bool bigEndian)
    {
        var type = f.BaseType & 0x1F;
        if (type > 16)
        {
            return double.NaN;
        }
        if (f.Size < TypeSizes[type])
        {
            return double.NaN; // misaligned / short field: no valid element
        }
        var s = message.Slice(f.Offset);
        switch (type)
        {
            case 0: // enum
            case 2: // uint8
            case 13: // byte
            {
                var v = s[0];
                return v == 0xFF ? double.NaN : v;
            }
            case 10: // uint8z
            {
                var v = s[0];
                return v == 0 ? double.NaN : v;
            }
            case 1: // sint8
            {
                var v = (sbyte)s[0];
                return v == 0x7F ? double.NaN : v;
            }
            case 3:
            {
                var v = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s);
                return v == 0x7FFF ? double.NaN : v;
            }
            case 4:
            {
                var v = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
                return v == 0xFFFF ? double.NaN : v;
            }
            case 11:
            {
                var v = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
                return v == 0 ? double.NaN : v;
            }
            case 5:
            {
                var v = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s);
                return v == 0x7FFFFFFF ? double.NaN : v;
            }
            case 6:
            {
                var v = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
                return v == 0xFFFFFFFF ? double.NaN : v;
            }
            case 12:
            {
                var v = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
                return v == 0 ? double.NaN : v;
            }
            case 8:
            {
                var bits = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
                if (bits == 0xFFFFFFFF)
                {
                    return double.NaN;
                }
                var v = BitConverter.Int32BitsToSingle((int)bits);
                return float.IsFinite(v) ? v : double.NaN;
            }
            case 9:
            {
                var bits = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
                if (bits == 0xFFFFFFFFFFFFFFFF)
                {
                    return double.NaN;
                }
                var v = BitConverter.Int64BitsToDouble((long)bits);
                return double.IsFinite(v) ? v : double.NaN;
            }
            case 14:
            {
                var v = bigEndian ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s);
                return v == 0x7FFFFFFFFFFFFFFF ? double.NaN : v;
            }
            case 15:
            {
                var v = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
                return v == 0xFFFFFFFFFFFFFFFF ? double.NaN : v;
            }
            case 16:
            {
                var v = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
                return v == 0 ? double.NaN : v;
            }
            default: // 7 string: not a number
                return double.NaN;
        }
    }

    /// <summary>Reads a string field: UTF-8 up to the first NUL or the field end (unterminated strings are accepted).</summary>
    public static string? ReadString(ReadOnlySpan<byte> message, FitFieldPlan f)
    {
        var s = message.Slice(f.Offset, f.Size);
        var nul = s.IndexOf((byte)0);
        if (nul >= 0)
        {
            s = s[..nul];
        }
        return s.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(s);
    }
}
