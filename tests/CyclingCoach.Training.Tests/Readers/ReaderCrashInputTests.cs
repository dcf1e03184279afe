using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>
/// Inputs the fuzz harness (<see cref="ReaderFuzzTests"/>) found escaping the readers as something other than
/// <see cref="ActivityFileException"/> (a 500 at the upload endpoints), kept as plain cases.
/// </summary>
public sealed class ReaderCrashInputTests
{
    private const byte Enum = 0x00, UInt16 = 0x84, UInt32 = 0x86, UInt32Z = 0x8C, SInt64 = 0x8E, Float64 = 0x89;

    public static TheoryData<byte, byte, ulong> OutOfRangeTimes() => new()
    {
        { SInt64, 8, 0x0000_1000_0000_0000UL },                               // 1.8e13 s after 1989
        { SInt64, 8, unchecked((ulong)-4_000_000_000_000L) },                  // long before year 1
        { Float64, 8, (ulong)BitConverter.DoubleToInt64Bits(1e15) },
        { Float64, 8, (ulong)BitConverter.DoubleToInt64Bits(-1e12) },
    };

    /// <summary>
    /// A date_time field declared with a wider or signed base type (a damaged definition message, as the fuzzer made
    /// of a lap's start_time): its value lies before year 1 or past 9999. It was new DateTime(ticks) out of range, a
    /// 500; now it is a missing time.
    /// </summary>
    [Theory]
    [MemberData(nameof(OutOfRangeTimes))]
    public void A_date_time_out_of_range_is_a_missing_time_not_a_crash(byte type, byte size, ulong raw)
    {
        var bytes = new FitTestFileBuilder()
            .Definition(0, 0, false, [(0, 1, Enum), (1, 2, UInt16), (2, 2, UInt16), (3, 4, UInt32Z), (4, size, type)])
            .Data(0, 4, 1, 1567, 7, raw)
            .Definition(1, 20, false, [(253, 4, UInt32), (7, 2, UInt16)])
            .Data(1, 1_000_000_000, 200)
            .Data(1, 1_000_000_001, 210)
            .Definition(2, 19, false, [(253, 4, UInt32), (2, size, type), (7, 4, UInt32)])
            .Data(2, 1_000_000_001, raw, 1000)
            .Definition(3, 18, false, [(253, 4, UInt32), (2, size, type), (7, 4, UInt32)])
            .Data(3, 1_000_000_001, raw, 1000)
            .Build();

        var exception = Record.Exception(() => ActivityReader.ReadFile(new MemoryStream(bytes), "ride.fit"));

        Assert.True(exception is null or ActivityFileException, exception?.ToString());
    }
}
