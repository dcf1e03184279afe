using System.Buffers.Binary;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Fakes;

/// <summary>Walks the data messages of a real FIT file so tests can rewrite field values in place.</summary>
public static class FitFields
{
    /// <summary>The bytes of one field of one data message: global message number, field number, base type, byte order.</summary>
    public delegate void FieldVisitor(ushort global, byte field, byte baseType, bool bigEndian, Span<byte> value);

    /// <summary>Calls <paramref name="visit"/> for every field of every data message; returns the end of the data (CRC offset).</summary>
    public static int Visit(byte[] fit, FieldVisitor visit)
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
                position = Data(fit, position, definitions[(header >> 5) & 0x03]!, visit);
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
                position = Data(fit, position, definitions[header & 0x0F]!, visit);
            }
        }

        return end;
    }

    /// <summary>A copy with the file CRC (last two bytes) recomputed, for a file whose fields were rewritten.</summary>
    public static byte[] WithCrc(byte[] fit, int end)
    {
        var result = fit.AsSpan(0, end + 2).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(end), FitCrc.Compute(result.AsSpan(0, end)));
        return result;
    }

    private static int Data(byte[] fit, int position, Definition definition, FieldVisitor visit)
    {
        foreach (var (number, size, baseType) in definition.Fields)
        {
            visit(definition.Global, number, baseType, definition.BigEndian, fit.AsSpan(position, size));
            position += size;
        }

        return position + definition.DeveloperBytes;
    }

    private sealed record Definition(ushort Global, bool BigEndian, List<(byte Number, byte Size, byte BaseType)> Fields, int DeveloperBytes);
}
