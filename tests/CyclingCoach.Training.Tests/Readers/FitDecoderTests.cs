using System.Buffers.Binary;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>Decoder mechanics on hand-built FIT files and hostile inputs.</summary>
public sealed class FitDecoderTests
{
    private const byte Enum = 0x00, SInt8 = 0x01, UInt8 = 0x02, UInt16 = 0x84, SInt32 = 0x85, UInt32 = 0x86, UInt32Z = 0x8C, Byte = 0x0D;
    private static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private static readonly (byte, byte, byte)[] RecordFields =
    [
        (253, 4, UInt32), (0, 4, SInt32), (1, 4, SInt32), (2, 2, UInt16), (7, 2, UInt16), (3, 1, UInt8), (13, 1, SInt8), (6, 2, UInt16), (5, 4, UInt32),
    ];

    private static ulong Semicircles(double degrees) => unchecked((ulong)(uint)(int)Math.Round(degrees * 2147483648.0 / 180.0));

    private static FitTestFileBuilder RideFile(bool bigEndian) => new FitTestFileBuilder()
        .Definition(0, 0, bigEndian, [(0, 1, Enum), (1, 2, UInt16), (2, 2, UInt16), (3, 4, UInt32Z), (4, 4, UInt32)])
        .Data(0, 4, 1, 1567, 0, 1_000_000_000)
        .Definition(1, 20, bigEndian, RecordFields)
        // ts, lat, lon, altitude (raw = (m + 500) * 5), power, hr, temperature, speed (mm/s), distance (cm)
        .Data(1, 1_000_000_000, Semicircles(45.5), Semicircles(-73.25), (100 + 500) * 5, 250, 150, 21, 8_500, 0)
        .Data(1, 1_000_000_001, Semicircles(45.5001), Semicircles(-73.2501), (101 + 500) * 5, 0xFFFF, 0xFF, 0x7F, 0xFFFF, 850);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Little_and_big_endian_definitions_decode_the_same_values(bool bigEndian)
    {
        var fit = FitDecoder.Decode(RideFile(bigEndian).Build());
        var p = fit.Activity.Points;
        Assert.Equal(2, p.Count);
        Assert.Empty(fit.Activity.Warnings);
        Assert.Equal(FitEpoch.AddSeconds(1_000_000_000), p[0].TimeUtc);
        Assert.Equal(45.5, p[0].Latitude, 7);
        Assert.Equal(-73.25, p[0].Longitude, 7);
        Assert.Equal(100, p[0].ElevationMeters, 9);
        Assert.Equal(250, p[0].PowerWatts);
        Assert.Equal(150, p[0].HeartRateBpm);
        Assert.Equal(21, p[0].TemperatureCelsius);
        Assert.Equal(8.5, p[0].SpeedMps, 9);
        Assert.Equal(0, p[0].DistanceMeters);
        // Invalid sentinels are NaN, never 0.
        Assert.True(double.IsNaN(p[1].PowerWatts));
        Assert.True(double.IsNaN(p[1].HeartRateBpm));
        Assert.True(double.IsNaN(p[1].TemperatureCelsius));
        Assert.True(double.IsNaN(p[1].SpeedMps));
        Assert.True(double.IsNaN(p[1].CadenceRpm));
        Assert.Equal(8.5, p[1].DistanceMeters, 9);
        Assert.Equal("garmin", fit.Activity.Device!.Manufacturer);
        Assert.Equal("edge810", fit.Activity.Device.Product);
        Assert.Null(fit.Activity.Device.SerialNumber); // uint32z 0 is invalid
    }

    [Fact]
    public void Compressed_timestamp_headers_roll_over_the_5_bit_offset()
    {
        // last timestamp 1000 (low 5 bits = 8): offset 12 → 1004; then offset 3 < 12 → rolls to 1024 + 3 = 1027.
        var bytes = new FitTestFileBuilder()
            .Definition(0, 20, false, [(253, 4, UInt32), (7, 2, UInt16)])
            .Data(0, 1000, 100)
            .Definition(1, 20, false, [(7, 2, UInt16)])
            .Compressed(1, 12, 110)
            .Compressed(1, 3, 120)
            .Build();
        var p = FitDecoder.Decode(bytes).Activity.Points;
        Assert.Equal([1000, 1004, 1027], p.Select(x => (x.TimeUtc!.Value - FitEpoch).TotalSeconds));
        Assert.Equal([100.0, 110, 120], p.Select(x => x.PowerWatts));
    }

    [Fact]
    public void Developer_fields_are_skipped_by_size()
    {
        var bytes = new FitTestFileBuilder()
            .Definition(0, 20, true, [(253, 4, UInt32), (7, 2, UInt16)], [(0, 3, 0), (1, 1, 0)])
            .Data(0, 5000, 300)
            .Data(0, 5001, 301)
            .Build();
        var p = FitDecoder.Decode(bytes).Activity.Points;
        Assert.Equal([300.0, 301], p.Select(x => x.PowerWatts));
    }

    [Fact]
    public void Misaligned_field_shorter_than_its_base_type_is_invalid()
    {
        var bytes = new FitTestFileBuilder()
            .Definition(0, 20, false, [(253, 4, UInt32), (7, 1, UInt16), (3, 1, UInt8)])
            .Data(0, 5000, 0x22, 140)
            .Build();
        var p = FitDecoder.Decode(bytes).Activity.Points.Single();
        Assert.True(double.IsNaN(p.PowerWatts));
        Assert.Equal(140, p.HeartRateBpm);
    }

    [Fact]
    public void Chained_files_are_all_decoded_and_definitions_reset()
    {
        var a = RideFile(false).Build();
        var b = RideFile(true).Build();
        var fit = FitDecoder.Decode([.. a, .. b]);
        Assert.Equal(2, fit.FitFileCount);
        Assert.Equal(4, fit.Activity.Points.Count);
        Assert.Empty(fit.Activity.Warnings);
    }

    [Fact]
    public void Twelve_byte_header_and_zero_header_crc_are_accepted()
    {
        Assert.Equal(2, FitDecoder.Decode(RideFile(false).Build(headerSize: 12)).Activity.Points.Count);
        Assert.Equal(2, FitDecoder.Decode(RideFile(false).Build(headerCrc: false)).Activity.Points.Count);
    }

    [Fact]
    public void Timer_events_are_exposed()
    {
        var bytes = new FitTestFileBuilder()
            .Definition(0, 21, false, [(253, 4, UInt32), (0, 1, Enum), (1, 1, Enum)])
            .Data(0, 100, 0, 0).Data(0, 160, 0, 1).Data(0, 170, 42, 3).Data(0, 200, 0, 0).Data(0, 300, 0, 4)
            .Build();
        var events = FitDecoder.Decode(bytes).TimerEvents;
        Assert.Equal([FitTimerEventKind.Start, FitTimerEventKind.Stop, FitTimerEventKind.Start, FitTimerEventKind.StopAll], events.Select(e => e.Kind));
        Assert.Equal(FitEpoch.AddSeconds(160), events[1].TimeUtc);
    }

    [Fact]
    public void Bad_header_crc_throws_typed_error()
    {
        var bytes = RideFile(false).Build();
        bytes[12] ^= 0x5A;
        var ex = Assert.Throws<ActivityFileException>(() => FitDecoder.Decode(bytes));
        Assert.Equal(ActivityFileErrorCodes.FitHeaderCrc, ex.Code);
        Assert.Equal(0, ex.ByteOffset);
    }

    [Fact]
    public void File_crc_mismatch_is_a_warning_unless_strict()
    {
        var bytes = RideFile(false).Build();
        bytes[^1] ^= 0xFF;
        var fit = FitDecoder.Decode(bytes);
        Assert.Equal(2, fit.Activity.Points.Count);
        Assert.True(ReaderWarningCodes.Has(fit.Activity.Warnings, ReaderWarningCodes.FitCrcMismatch));

        var ex = Assert.Throws<ActivityFileException>(() => FitDecoder.Decode(bytes, new ActivityReaderOptions { RequireValidCrc = true }));
        Assert.Equal(ActivityFileErrorCodes.FitCrcMismatch, ex.Code);
        Assert.Equal(bytes.Length - 2, ex.ByteOffset);

        using var fixture = Fixtures.Open(Fixtures.Fit("fitparse__activity-activity-filecrc.fit"));
        var strict = Assert.Throws<ActivityFileException>(() => FitDecoder.Read(fixture, new ActivityReaderOptions { RequireValidCrc = true }));
        Assert.Equal(1540, strict.ByteOffset);
    }

    [Theory]
    [InlineData(new byte[0], ActivityFileErrorCodes.Empty)]
    [InlineData(new byte[] { 14, 0x20, 0, 0, 0, 0, 0, 0, (byte)'.', (byte)'F' }, ActivityFileErrorCodes.FitBadHeader)]
    [InlineData(new byte[] { 14, 0x20, 0, 0, 10, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'X', 0, 0 }, ActivityFileErrorCodes.FitBadHeader)]
    [InlineData(new byte[] { 3, 0x20, 0, 0, 10, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0, 0 }, ActivityFileErrorCodes.FitBadHeader)]
    [InlineData(new byte[] { 14, 0x20, 0, 0, 10, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0, 0 }, ActivityFileErrorCodes.FitTruncated)]
    [InlineData(new byte[] { 12, 0x20, 0, 0, 4, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0x03, 1, 2, 3 }, ActivityFileErrorCodes.FitCorrupt)]
    public void Hostile_headers_throw_typed_errors(byte[] bytes, string code)
    {
        var ex = Assert.Throws<ActivityFileException>(() => FitDecoder.Decode(bytes));
        Assert.Equal(code, ex.Code);
        Assert.Equal(ActivityFormat.Fit, ex.Format);
    }

    [Fact]
    public void Truncating_a_real_file_anywhere_gives_a_prefix_or_a_typed_error()
    {
        var full = File.ReadAllBytes(Fixtures.Fit("fitparse__Edge810-Vector-2013-08-16-15-35-10.fit"));
        var last = -1;
        for (var len = 0; len <= full.Length; len += len < 400 ? 1 : 997)
        {
            try
            {
                var fit = FitDecoder.Decode(full.AsSpan(0, len));
                Assert.True(fit.Activity.Points.Count >= last);
                last = fit.Activity.Points.Count;
                Assert.True(len == full.Length || ReaderWarningCodes.Has(fit.Activity.Warnings, ReaderWarningCodes.FitTruncated));
            }
            catch (ActivityFileException ex)
            {
                Assert.Contains(ex.Code, new[] { ActivityFileErrorCodes.Empty, ActivityFileErrorCodes.FitBadHeader, ActivityFileErrorCodes.FitTruncated });
                Assert.True(len < 100);
            }
        }
        Assert.Equal(4700, last);
    }

    [Fact]
    public void Random_corruption_never_escapes_as_an_untyped_exception()
    {
        var original = File.ReadAllBytes(Fixtures.Fit("goldencheetah__SigmaRox11_1.fit"));
        var rng = new Random(1234);
        for (var round = 0; round < 300; round++)
        {
            var bytes = (byte[])original.Clone();
            var flips = rng.Next(1, 20);
            for (var i = 0; i < flips; i++)
            {
                bytes[rng.Next(14, bytes.Length)] = (byte)rng.Next(256);
            }
            try
            {
                var fit = FitDecoder.Decode(bytes);
                Assert.True(fit.Activity.Points.Count <= 7259 + 2000);
            }
            catch (ActivityFileException)
            {
            }
        }
        var noise = new byte[100_000];
        rng.NextBytes(noise);
        Assert.Equal(ActivityFileErrorCodes.FitBadHeader, Assert.Throws<ActivityFileException>(() => FitDecoder.Decode(noise)).Code);
    }

    [Fact]
    public void Limits_give_typed_errors()
    {
        using (var s = Fixtures.Open(Fixtures.Fit("goldencheetah__MultiSport-2019-11-24.fit")))
        {
            Assert.Equal(ActivityFileErrorCodes.TooLarge, Assert.Throws<ActivityFileException>(() => FitDecoder.Read(s, new ActivityReaderOptions { MaxFitBytes = 1_000_000 })).Code);
        }
        using (var s = Fixtures.Open(Fixtures.Fit("goldencheetah__MultiSport-2019-11-24.fit")))
        {
            Assert.Equal(ActivityFileErrorCodes.TooManyPoints, Assert.Throws<ActivityFileException>(() => FitDecoder.Read(s, new ActivityReaderOptions { MaxPoints = 1000 })).Code);
        }
        // A non-seekable stream is bounded while reading, too.
        using var unseekable = new NonSeekableStream(new MemoryStream(new byte[5_000_000]));
        Assert.Equal(ActivityFileErrorCodes.TooLarge, Assert.Throws<ActivityFileException>(() => FitDecoder.Read(unseekable, new ActivityReaderOptions { MaxFitBytes = 1_000_000 })).Code);
    }

    [Fact]
    public void Byte_table_crc_equals_the_sdk_nibble_algorithm()
    {
        var data = new byte[4096];
        new Random(7).NextBytes(data);
        Assert.Equal(FitCrc.ComputeNibbleReference(data), FitCrc.Compute(data));
        // A file whose CRC is appended has a CRC of zero over everything.
        var withCrc = new byte[data.Length + 2];
        data.CopyTo(withCrc, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(withCrc.AsSpan(data.Length), FitCrc.Compute(data));
        Assert.Equal(0, FitCrc.Compute(withCrc));
    }
}
