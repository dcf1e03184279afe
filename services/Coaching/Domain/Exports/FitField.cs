using System.Buffers.Binary;

namespace CyclingCoach.Coaching.Domain.Exports;

/// <summary>One field of a FIT data message: its number in the profile, its base type and its little-endian bytes.</summary>
internal readonly record struct FitField(byte Number, byte BaseType, byte[] Bytes)
{
    // FIT base types (the type byte of a field definition).
    private const byte EnumType = 0x00, StringType = 0x07, UInt16Type = 0x84, UInt32Type = 0x86, UInt32ZType = 0x8C;

    /// <summary>The "invalid" value of a base type: what FIT readers treat as "not set".</summary>
    public const byte InvalidEnum = 0xFF;
    public const uint InvalidUInt32 = 0xFFFFFFFF;

    public static FitField Enum(byte number, byte value) => new(number, EnumType, [value]);

    public static FitField UInt16(byte number, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return new(number, UInt16Type, bytes);
    }

    public static FitField UInt32(byte number, uint value) => new(number, UInt32Type, UInt32Bytes(value));

    /// <summary>A uint32z: 0 is its invalid value, so only non-zero values are meaningful.</summary>
    public static FitField UInt32Z(byte number, uint value) => new(number, UInt32ZType, UInt32Bytes(value));

    /// <summary>
    /// A null-terminated UTF-8 string in a field of exactly <paramref name="size"/> bytes (padded with zeros), cut at a
    /// character boundary when it does not fit. A fixed size keeps every message of a type on one definition.
    /// </summary>
    public static FitField String(byte number, string? value, int size)
    {
        var bytes = new byte[size];
        var written = 0;
        foreach (var rune in (value ?? "").EnumerateRunes())
        {
            if (written + rune.Utf8SequenceLength > size - 1)
            {
                break;
            }

            written += rune.EncodeToUtf8(bytes.AsSpan(written));
        }

        return new(number, StringType, bytes);
    }

    private static byte[] UInt32Bytes(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
