using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>The stateful core of <see cref="FitDecoder"/>: walks chained FIT files and collects messages.</summary>
internal sealed class FitFileParser(ActivityReaderOptions options)
{
    private const double SemicirclesToDegrees = 180.0 / 2147483648.0;
    private static readonly long FitEpochTicks = new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private const ushort MesgFileId = 0;
    private const ushort MesgSport = 12;
    private const ushort MesgSession = 18;
    private const ushort MesgLap = 19;
    private const ushort MesgRecord = 20;
    private const ushort MesgEvent = 21;
    private const ushort MesgDeviceInfo = 23;

    private readonly FitMessageLayout?[] _layouts = new FitMessageLayout?[16];
    // Records collect in a pooled buffer; BuildResult copies them once into an exactly sized array.
    private TrackPoint[] _points = ArrayPool<TrackPoint>.Shared.Rent(4096);
    private int _pointCount;
    private readonly List<LapData> _laps = [];
    private readonly List<SessionData> _sessions = [];
    private readonly List<FitTimerEvent> _timerEvents = [];
    private readonly List<string> _warnings = [];

    private uint _lastTimestamp;
    private bool _haveDistanceAccumulator;
    private uint _lastCompressedDistance;
    private long _accumulatedDistance16;
    private int _fileCount;
    private int _messageCount;

    private bool _haveFileId;
    private double _fileType = double.NaN;
    private double _manufacturer = double.NaN;
    private double _product = double.NaN;
    private double _serial = double.NaN;
    private DateTime? _timeCreated;
    private string? _productName;
    private string? _softwareVersion;
    private string? _sportMessageSport;
    private string? _sportMessageSubSport;
    private string? _sportMessageName;

    public void Parse(ReadOnlySpan<byte> data)
    {
        var pos = 0;
        while (pos < data.Length)
        {
            var first = _fileCount == 0;
            var remaining = data.Length - pos;
            var headerSize = data[pos];
            if (remaining < 12 || headerSize < 12 || headerSize > remaining ||
                data[pos + 8] != (byte)'.' || data[pos + 9] != (byte)'F' || data[pos + 10] != (byte)'I' || data[pos + 11] != (byte)'T')
            {
                if (first)
                {
                    var reason = remaining < 12 ? "shorter than a FIT header" : headerSize < 12 ? $"header size {headerSize} is invalid" : "the '.FIT' signature is missing";
                    throw new ActivityFileException(ActivityFileErrorCodes.FitBadHeader, $"Not a FIT file: {reason}.", ActivityFormat.Fit, pos);
                }
                Warn(ReaderWarningCodes.FitTrailingData, $"{remaining} bytes after FIT file {_fileCount} at byte {pos} are not a FIT header; ignored.");
                return;
            }

            if (headerSize >= 14)
            {
                var headerCrc = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(pos + 12));
                if (headerCrc != 0 && headerCrc != FitCrc.Compute(data.Slice(pos, 12)))
                {
                    if (first)
                    {
                        throw new ActivityFileException(ActivityFileErrorCodes.FitHeaderCrc, "The FIT header CRC does not match.", ActivityFormat.Fit, pos);
                    }
                    Warn(ReaderWarningCodes.FitTrailingData, $"FIT header at byte {pos} has a bad CRC; it and what follows were ignored.");
                    return;
                }
            }

            var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(pos + 4));
            var dataStart = pos + headerSize;
            long declaredEnd = dataStart + (long)dataSize;
            var unknownSize = dataSize == 0;
            var end = unknownSize ? data.Length : (int)Math.Min(declaredEnd, data.Length);

            ResetPerFile();
            var messagesBefore = _messageCount;
            var stop = ParseMessages(data, dataStart, end, out var stoppedAt);
            _fileCount++;

            if (stop is not null)
            {
                if (_messageCount == 0)
                {
                    var code = stop == ReaderWarningCodes.FitTruncated ? ActivityFileErrorCodes.FitTruncated : ActivityFileErrorCodes.FitCorrupt;
                    throw new ActivityFileException(code, $"The FIT data is {(code == ActivityFileErrorCodes.FitTruncated ? "truncated" : "corrupt")} at byte {stoppedAt} before any message.", ActivityFormat.Fit, stoppedAt);
                }
                Warn(stop, $"decoding stopped at byte {stoppedAt} of {data.Length} ({(stop == ReaderWarningCodes.FitTruncated ? "file ends inside a message" : "corrupt definition or record header")}); kept {_pointCount} records from {_messageCount} messages.");
                return;
            }

            if (unknownSize)
            {
                Warn(ReaderWarningCodes.FitTruncated, "the FIT header declares a data size of 0 (file not finalised); read to the end of the input.");
                return;
            }
            if (declaredEnd + 2 > data.Length)
            {
                if (_messageCount == messagesBefore && first)
                {
                    throw new ActivityFileException(ActivityFileErrorCodes.FitTruncated, "The FIT data section is truncated before any message.", ActivityFormat.Fit, data.Length);
                }
                Warn(ReaderWarningCodes.FitTruncated, $"the file ends at byte {data.Length} but the header declares {declaredEnd + 2} bytes (data section or CRC missing); kept {_pointCount} records.");
                return;
            }

            var fileCrc = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice((int)declaredEnd));
            if (fileCrc != 0)
            {
                var computed = FitCrc.Compute(data.Slice(pos, (int)declaredEnd - pos));
                if (computed != fileCrc)
                {
                    if (options.RequireValidCrc)
                    {
                        throw new ActivityFileException(ActivityFileErrorCodes.FitCrcMismatch, $"FIT file CRC mismatch at byte {declaredEnd}: read 0x{fileCrc:X4}, computed 0x{computed:X4}.", ActivityFormat.Fit, declaredEnd);
                    }
                    Warn(ReaderWarningCodes.FitCrcMismatch, $"FIT file {_fileCount} CRC at byte {declaredEnd}: read 0x{fileCrc:X4}, computed 0x{computed:X4}; data kept.");
                }
            }
            pos = (int)declaredEnd + 2;
        }
    }

    private void ResetPerFile()
    {
        Array.Clear(_layouts);
        _haveDistanceAccumulator = false;
        _accumulatedDistance16 = 0;
        _lastCompressedDistance = 0;
    }

    /// <summary>Returns null when the section was consumed entirely, else the warning code of why it stopped.</summary>
    private string? ParseMessages(ReadOnlySpan<byte> data, int pos, int end, out long stoppedAt)
    {
        while (pos < end)
        {
            var header = data[pos];
            if ((header & 0x80) != 0)
            {
                // Compressed timestamp header: local type in bits 5-6, time offset in bits 0-4.
                var layout = _layouts[(header >> 5) & 0x03];
                if (layout is null)
                {
                    stoppedAt = pos;
                    return ReaderWarningCodes.FitCorrupt;
                }
                if (pos + 1 + layout.DataSize > end)
                {
                    stoppedAt = pos;
                    return ReaderWarningCodes.FitTruncated;
                }
                var offset = (uint)(header & 0x1F);
                var ts = (_lastTimestamp & ~0x1Fu) + offset;
                if (offset < (_lastTimestamp & 0x1Fu))
                {
                    ts += 0x20;
                }
                _lastTimestamp = ts;
                DecodeData(data.Slice(pos + 1, layout.DataSize), layout, ts, true);
                pos += 1 + layout.DataSize;
            }
            else if ((header & 0x40) != 0)
            {
                // Definition message.
                if (pos + 6 > end)
                {
                    stoppedAt = pos;
                    return ReaderWarningCodes.FitTruncated;
                }
                var arch = data[pos + 2];
                if (arch > 1)
                {
                    stoppedAt = pos;
                    return ReaderWarningCodes.FitCorrupt;
                }
                var bigEndian = arch == 1;
                var global = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data.Slice(pos + 3)) : BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(pos + 3));
                int fieldCount = data[pos + 5];
                var p = pos + 6;
                if (p + fieldCount * 3 > end)
                {
                    stoppedAt = pos;
                    return ReaderWarningCodes.FitTruncated;
                }
                var wanted = 0;
                var dataSize = 0;
                var timestampOffset = -1;
                for (var i = 0; i < fieldCount; i++)
                {
                    var num = data[p + i * 3];
                    var size = data[p + i * 3 + 1];
                    if (num == 253 && size == 4)
                    {
                        timestampOffset = dataSize;
                    }
                    if (size > 0 && IsWanted(global, num))
                    {
                        wanted++;
                    }
                    dataSize += size;
                }
                var plans = wanted == 0 ? [] : new FitFieldPlan[wanted];
                var w = 0;
                var off = 0;
                for (var i = 0; i < fieldCount; i++)
                {
                    var num = data[p + i * 3];
                    var size = data[p + i * 3 + 1];
                    if (size > 0 && IsWanted(global, num))
                    {
                        plans[w++] = new FitFieldPlan(num, data[p + i * 3 + 2], (ushort)off, size);
                    }
                    off += size;
                }
                p += fieldCount * 3;
                if ((header & 0x20) != 0)
                {
                    // Developer fields: only their sizes matter (skipped safely).
                    if (p + 1 > end)
                    {
                        stoppedAt = pos;
                        return ReaderWarningCodes.FitTruncated;
                    }
                    int devCount = data[p];
                    p++;
                    if (p + devCount * 3 > end)
                    {
                        stoppedAt = pos;
                        return ReaderWarningCodes.FitTruncated;
                    }
                    for (var i = 0; i < devCount; i++)
                    {
                        dataSize += data[p + i * 3 + 1];
                    }
                    p += devCount * 3;
                }
                _layouts[header & 0x0F] = new FitMessageLayout(global, bigEndian, dataSize, plans, timestampOffset);
                _messageCount++;
                pos = p;
            }
            else
            {
                var layout = _layouts[header & 0x0F];
                if (layout is null)
                {
                    stoppedAt = pos;
                    return ReaderWarningCodes.FitCorrupt;
                }
                if (pos + 1 + layout.DataSize > end)
                {
                    stoppedAt = pos;
                    return ReaderWarningCodes.FitTruncated;
                }
                var message = data.Slice(pos + 1, layout.DataSize);
                if (layout.TimestampOffset >= 0)
                {
                    var t = layout.BigEndian
                        ? BinaryPrimitives.ReadUInt32BigEndian(message.Slice(layout.TimestampOffset))
                        : BinaryPrimitives.ReadUInt32LittleEndian(message.Slice(layout.TimestampOffset));
                    if (t != 0xFFFFFFFF)
                    {
                        _lastTimestamp = t;
                    }
                }
                DecodeData(message, layout, _lastTimestamp, false);
                pos += 1 + layout.DataSize;
            }
        }
        stoppedAt = pos;
        return null;
    }

    private static bool IsWanted(ushort global, byte field) => global switch
    {
        MesgRecord => field is 253 or 0 or 1 or 2 or 3 or 4 or 5 or 6 or 7 or 8 or 13 or 73 or 78,
        MesgSession => field is 2 or 5 or 6 or 7 or 8 or 9 or 14 or 16 or 17 or 18 or 20 or 21 or 22 or 23 or 34 or 35 or 36 or 45 or 48 or 124,
        MesgLap => field is 2 or 7 or 8 or 9 or 15 or 19,
        MesgEvent => field is 253 or 0 or 1,
        MesgFileId => field is 0 or 1 or 2 or 3 or 4 or 8,
        MesgDeviceInfo => field is 0 or 2 or 3 or 4 or 5 or 27,
        MesgSport => field is 0 or 1 or 3,
        _ => false,
    };

    private void DecodeData(ReadOnlySpan<byte> m, FitMessageLayout layout, uint timestamp, bool compressed)
    {
        _messageCount++;
        switch (layout.GlobalNumber)
        {
            case MesgRecord:
                DecodeRecord(m, layout, timestamp, compressed);
                break;
            case MesgSession:
                DecodeSession(m, layout);
                break;
            case MesgLap:
                DecodeLap(m, layout);
                break;
            case MesgEvent:
                DecodeEvent(m, layout, timestamp, compressed);
                break;
            case MesgFileId:
                DecodeFileId(m, layout);
                break;
            case MesgDeviceInfo:
                DecodeDeviceInfo(m, layout);
                break;
            case MesgSport:
                DecodeSport(m, layout);
                break;
        }
    }

    private void DecodeRecord(ReadOnlySpan<byte> m, FitMessageLayout layout, uint timestamp, bool compressed)
    {
        double lat = double.NaN, lon = double.NaN, alt = double.NaN, enhancedAlt = double.NaN, dist = double.NaN;
        double speed = double.NaN, enhancedSpeed = double.NaN, power = double.NaN, hr = double.NaN, cad = double.NaN, temp = double.NaN;
        var ts = compressed ? timestamp : double.NaN;
        var be = layout.BigEndian;
        var fields = layout.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            var f = fields[i];
            switch (f.FieldNumber)
            {
                case 253: ts = FitValue.Read(m, f, be); break;
                case 0: lat = FitValue.Read(m, f, be) * SemicirclesToDegrees; break;
                case 1: lon = FitValue.Read(m, f, be) * SemicirclesToDegrees; break;
                case 2: alt = FitValue.Read(m, f, be) / 5.0 - 500.0; break;
                case 3: hr = FitValue.Read(m, f, be); break;
                case 4: cad = FitValue.Read(m, f, be); break;
                case 5: dist = FitValue.Read(m, f, be) / 100.0; break;
                case 6: speed = FitValue.Read(m, f, be) / 1000.0; break;
                case 7: power = FitValue.Read(m, f, be); break;
                case 8: DecodeCompressedSpeedDistance(m.Slice(f.Offset, f.Size), ref speed, ref dist); break;
                case 13: temp = FitValue.Read(m, f, be); break;
                case 73: enhancedSpeed = FitValue.Read(m, f, be) / 1000.0; break;
                case 78: enhancedAlt = FitValue.Read(m, f, be) / 5.0 - 500.0; break;
            }
        }
        if (!double.IsNaN(enhancedAlt))
        {
            alt = enhancedAlt;
        }
        if (!double.IsNaN(enhancedSpeed))
        {
            speed = enhancedSpeed;
        }
        if (double.IsNaN(lat) || double.IsNaN(lon))
        {
            lat = double.NaN;
            lon = double.NaN;
        }
        if (_pointCount >= options.MaxPoints)
        {
            throw new ActivityFileException(ActivityFileErrorCodes.TooManyPoints, $"The FIT file has more than {options.MaxPoints} records.", ActivityFormat.Fit);
        }
        if (_pointCount == _points.Length)
        {
            var bigger = ArrayPool<TrackPoint>.Shared.Rent(_points.Length * 2);
            Array.Copy(_points, bigger, _pointCount);
            ArrayPool<TrackPoint>.Shared.Return(_points);
            _points = bigger;
        }
        _points[_pointCount++] = new TrackPoint(ToDateTime(ts), lat, lon, alt, dist, speed, power, hr, cad, temp);
    }

    private void DecodeCompressedSpeedDistance(ReadOnlySpan<byte> b, ref double speed, ref double distance)
    {
        if (b.Length < 3 || (b[0] == 0xFF && b[1] == 0xFF && b[2] == 0xFF))
        {
            return;
        }
        speed = (b[0] | ((b[1] & 0x0F) << 8)) / 100.0;
        var d = (uint)((b[1] >> 4) | (b[2] << 4));
        if (!_haveDistanceAccumulator)
        {
            _accumulatedDistance16 = d;
            _haveDistanceAccumulator = true;
        }
        else
        {
            _accumulatedDistance16 += (d - _lastCompressedDistance) & 0xFFF;
        }
        _lastCompressedDistance = d;
        distance = _accumulatedDistance16 / 16.0;
    }

    private void DecodeSession(ReadOnlySpan<byte> m, FitMessageLayout layout)
    {
        double start = double.NaN, sport = double.NaN, subSport = double.NaN, elapsed = double.NaN, timer = double.NaN;
        double distance = double.NaN, avgSpeed = double.NaN, enhancedAvgSpeed = double.NaN, avgHr = double.NaN, maxHr = double.NaN;
        double avgCad = double.NaN, avgPower = double.NaN, maxPower = double.NaN, ascent = double.NaN, descent = double.NaN;
        double np = double.NaN, tss = double.NaN, intensity = double.NaN, ftp = double.NaN, work = double.NaN;
        var be = layout.BigEndian;
        foreach (var f in layout.Fields)
        {
            var v = FitValue.Read(m, f, be);
            switch (f.FieldNumber)
            {
                case 2: start = v; break;
                case 5: sport = v; break;
                case 6: subSport = v; break;
                case 7: elapsed = v / 1000.0; break;
                case 8: timer = v / 1000.0; break;
                case 9: distance = v / 100.0; break;
                case 14: avgSpeed = v / 1000.0; break;
                case 16: avgHr = v; break;
                case 17: maxHr = v; break;
                case 18: avgCad = v; break;
                case 20: avgPower = v; break;
                case 21: maxPower = v; break;
                case 22: ascent = v; break;
                case 23: descent = v; break;
                case 34: np = v; break;
                case 35: tss = v / 10.0; break;
                case 36: intensity = v / 1000.0; break;
                case 45: ftp = v; break;
                case 48: work = v / 1000.0; break;
                case 124: enhancedAvgSpeed = v / 1000.0; break;
            }
        }
        if (!double.IsNaN(enhancedAvgSpeed))
        {
            avgSpeed = enhancedAvgSpeed;
        }
        _sessions.Add(new SessionData(ToDateTime(start), N(elapsed), N(timer), N(distance), N(ascent), N(descent), N(avgPower), N(maxPower),
            N(np), N(tss), N(intensity), N(ftp), N(avgHr), N(maxHr), N(avgCad), N(avgSpeed), N(work),
            FitProfileNames.Sport(sport), FitProfileNames.SubSport(subSport)));
    }

    private void DecodeLap(ReadOnlySpan<byte> m, FitMessageLayout layout)
    {
        double start = double.NaN, elapsed = double.NaN, timer = double.NaN, distance = double.NaN, avgHr = double.NaN, avgPower = double.NaN;
        var be = layout.BigEndian;
        foreach (var f in layout.Fields)
        {
            var v = FitValue.Read(m, f, be);
            switch (f.FieldNumber)
            {
                case 2: start = v; break;
                case 7: elapsed = v / 1000.0; break;
                case 8: timer = v / 1000.0; break;
                case 9: distance = v / 100.0; break;
                case 15: avgHr = v; break;
                case 19: avgPower = v; break;
            }
        }
        _laps.Add(new LapData(ToDateTime(start), N(elapsed), N(timer), N(distance), N(avgPower), N(avgHr)));
    }

    private void DecodeEvent(ReadOnlySpan<byte> m, FitMessageLayout layout, uint timestamp, bool compressed)
    {
        double ts = compressed ? timestamp : double.NaN, ev = double.NaN, type = double.NaN;
        var be = layout.BigEndian;
        foreach (var f in layout.Fields)
        {
            switch (f.FieldNumber)
            {
                case 253: ts = FitValue.Read(m, f, be); break;
                case 0: ev = FitValue.Read(m, f, be); break;
                case 1: type = FitValue.Read(m, f, be); break;
            }
        }
        if (ev != 0 || double.IsNaN(ts))
        {
            return; // only timer events are kept
        }
        FitTimerEventKind? kind = type switch
        {
            0 => FitTimerEventKind.Start,
            1 => FitTimerEventKind.Stop,
            4 or 8 or 9 => FitTimerEventKind.StopAll,
            _ => null,
        };
        if (kind is { } k && ToDateTime(ts) is { } time)
        {
            _timerEvents.Add(new FitTimerEvent(time, k));
        }
    }

    private void DecodeFileId(ReadOnlySpan<byte> m, FitMessageLayout layout)
    {
        if (_haveFileId)
        {
            return; // the first file of a chain describes the activity
        }
        _haveFileId = true;
        var be = layout.BigEndian;
        foreach (var f in layout.Fields)
        {
            switch (f.FieldNumber)
            {
                case 0: _fileType = FitValue.Read(m, f, be); break;
                case 1: _manufacturer = FitValue.Read(m, f, be); break;
                case 2: _product = FitValue.Read(m, f, be); break;
                case 3: _serial = FitValue.Read(m, f, be); break;
                case 4: _timeCreated = ToDateTime(FitValue.Read(m, f, be)); break;
                case 8: _productName = FitValue.ReadString(m, f); break;
            }
        }
    }

    private void DecodeDeviceInfo(ReadOnlySpan<byte> m, FitMessageLayout layout)
    {
        double index = double.NaN, software = double.NaN;
        var be = layout.BigEndian;
        foreach (var f in layout.Fields)
        {
            switch (f.FieldNumber)
            {
                case 0: index = FitValue.Read(m, f, be); break;
                case 5: software = FitValue.Read(m, f, be) / 100.0; break;
            }
        }
        if (index == 0 && _softwareVersion is null && !double.IsNaN(software))
        {
            _softwareVersion = software.ToString("0.00", CultureInfo.InvariantCulture);
        }
    }

    private void DecodeSport(ReadOnlySpan<byte> m, FitMessageLayout layout)
    {
        var be = layout.BigEndian;
        foreach (var f in layout.Fields)
        {
            switch (f.FieldNumber)
            {
                case 0: _sportMessageSport ??= FitProfileNames.Sport(FitValue.Read(m, f, be)); break;
                case 1: _sportMessageSubSport ??= FitProfileNames.SubSport(FitValue.Read(m, f, be)); break;
                case 3: _sportMessageName ??= FitValue.ReadString(m, f); break;
            }
        }
    }

    public FitActivity BuildResult()
    {
        var session = ChooseSession();
        if (_sessions.Count > 1)
        {
            Warn(ReaderWarningCodes.MultipleSessions, $"{_sessions.Count} sessions ({string.Join(", ", _sessions.Select(s => s.Sport ?? "?"))}); Session is the {session?.Sport ?? "first"} one.");
        }
        if (_pointCount == 0)
        {
            Warn(ReaderWarningCodes.NoRecords, "the file has no record messages.");
        }
        // TrackPoint holds no references, so the exact-size copy target need not be zeroed first.
        var points = GC.AllocateUninitializedArray<TrackPoint>(_pointCount);
        Array.Copy(_points, points, _pointCount);
        DateTime? firstPointTime = null;
        foreach (var p in points)
        {
            if (p.TimeUtc is { } t)
            {
                firstPointTime = t;
                break;
            }
        }
        var device = _haveFileId || _softwareVersion is not null
            ? new DeviceData(FitProfileNames.Manufacturer(_manufacturer), _productName ?? FitProfileNames.Product(_manufacturer, _product),
                double.IsNaN(_serial) ? null : ((uint)_serial).ToString(CultureInfo.InvariantCulture), _softwareVersion)
            : null;
        var start = _sessions.Count > 0 ? _sessions[0].StartTimeUtc : null;
        var activity = new ActivityData(
            ActivityFormat.Fit,
            start ?? firstPointTime ?? _timeCreated,
            session?.Sport ?? _sportMessageSport,
            session?.SubSport ?? _sportMessageSubSport,
            _sportMessageName,
            points,
            _laps,
            session,
            device,
            _warnings);
        return new FitActivity(activity, _sessions, _timerEvents, _fileCount, FitProfileNames.FileType(_fileType), _timeCreated);
    }

    /// <summary>Gives the pooled record buffer back; call once, after <see cref="BuildResult"/> or a failure.</summary>
    public void ReturnBuffers()
    {
        ArrayPool<TrackPoint>.Shared.Return(_points);
        _points = [];
        _pointCount = 0;
    }

    private SessionData? ChooseSession()
    {
        if (_sessions.Count <= 1)
        {
            return _sessions.Count == 1 ? _sessions[0] : null;
        }
        SessionData? best = null;
        foreach (var s in _sessions)
        {
            if (s.Sport == "cycling" && (best is null || (s.TotalTimerSeconds ?? 0) > (best.TotalTimerSeconds ?? 0)))
            {
                best = s;
            }
        }
        return best ?? _sessions[0];
    }

    private void Warn(string code, string detail) => _warnings.Add(ReaderWarningCodes.Format(code, detail));

    private static double? N(double v) => double.IsNaN(v) ? null : v;

    /// <summary>A FIT date_time (uint32 seconds since 1989-12-31); a value outside that range (a damaged file, or a
    /// field of another type in its place) is a missing time, not a date past DateTime.MaxValue.</summary>
    private static DateTime? ToDateTime(double fitSeconds) =>
        fitSeconds is >= 0 and <= uint.MaxValue
            ? new DateTime(FitEpochTicks + (long)fitSeconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc)
            : null;
}
