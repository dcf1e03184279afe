using System.Globalization;
using System.Xml;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// Streaming TCX reader (Garmin Training Center Database v2): Activities/Activity (Sport), Lap (StartTime,
/// TotalTimeSeconds, DistanceMeters, AverageHeartRateBpm, LX AvgWatts), Trackpoint (Time, Position, AltitudeMeters,
/// DistanceMeters, HeartRateBpm, Cadence, TPX Speed/Watts), Creator; Courses/Course tracks are read the same way.
/// Same XML safety and limits as <see cref="GpxReader"/>. Throws <c>no_points</c> when there is no trackpoint and no lap.
/// </summary>
public static class TcxReader
{
    public static ActivityData Read(Stream stream, ActivityReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ActivityReaderOptions.Default;
        var limited = new LimitedReadStream(stream, options.MaxInputBytes, ActivityFormat.Tcx);
        try
        {
            using var reader = SafeXml.Open(limited, options.MaxInputBytes);
            return new Parser(reader, options).Parse();
        }
        catch (XmlException ex)
        {
            throw SafeXml.Classify(ex, limited, ActivityFormat.Tcx);
        }
    }

    private sealed class Parser(XmlReader reader, ActivityReaderOptions options)
    {
        private const int MaxDepth = 64;

        private readonly AtomizedNameCache<TcxElement> _kinds = new(ClassifyName);
        private readonly TcxElement[] _stack = new TcxElement[MaxDepth];
        private readonly List<TrackPoint> _points = [];
        private readonly List<LapData> _laps = [];

        private string? _sport;
        private string? _name;
        private DateTime? _id;
        private string? _deviceName;
        private string? _versionMajor;
        private string? _versionMinor;

        private int _lapDepth = -1;
        private DateTime? _lapStart;
        private double _lapTime, _lapDistance, _lapHr, _lapPower;

        private int _pointDepth = -1;
        private DateTime? _time;
        private double _lat, _lon, _ele, _dist, _hr, _cad, _speed, _power;

        private int _textDepth = -1;
        private TcxElement _textKind;
        private TcxElement _textParent;
        private int _badValues;

        public ActivityData Parse()
        {
            var rootSeen = false;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                    {
                        var kind = _kinds.Get(reader.LocalName);
                        var depth = reader.Depth;
                        if (!rootSeen)
                        {
                            rootSeen = true;
                            if (kind != TcxElement.Root)
                            {
                                throw new ActivityFileException(ActivityFileErrorCodes.NotTcx, $"The XML root is <{reader.Name}>, not <TrainingCenterDatabase>.", ActivityFormat.Tcx, null, SafeXml.Line(reader));
                            }
                            _stack[0] = kind;
                            continue;
                        }
                        if (depth >= MaxDepth)
                        {
                            continue;
                        }
                        var parent = _stack[depth - 1];
                        _stack[depth] = kind;
                        var empty = reader.IsEmptyElement;
                        switch (kind)
                        {
                            case TcxElement.Activity:
                                _sport ??= NormalizeSport(reader.GetAttribute("Sport"));
                                break;
                            case TcxElement.Course:
                                _sport ??= "cycling";
                                break;
                            case TcxElement.Lap when parent is TcxElement.Activity or TcxElement.Course:
                                _lapDepth = depth;
                                _lapStart = XmlValues.ParseTime(reader.GetAttribute("StartTime"));
                                _lapTime = _lapDistance = _lapHr = _lapPower = double.NaN;
                                if (empty)
                                {
                                    EndLap();
                                }
                                break;
                            case TcxElement.Trackpoint:
                                BeginPoint(depth);
                                if (empty)
                                {
                                    EndPoint();
                                }
                                break;
                            case not TcxElement.Other when !empty:
                                _textKind = kind;
                                _textParent = parent;
                                _textDepth = depth;
                                break;
                        }
                        break;
                    }
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                        if (_textDepth >= 0 && reader.Depth == _textDepth + 1)
                        {
                            Assign(reader.Value);
                        }
                        break;
                    case XmlNodeType.EndElement:
                    {
                        var depth = reader.Depth;
                        _textDepth = -1;
                        if (depth == _pointDepth)
                        {
                            EndPoint();
                        }
                        else if (depth == _lapDepth)
                        {
                            EndLap();
                        }
                        break;
                    }
                }
            }
            if (!rootSeen)
            {
                throw new ActivityFileException(ActivityFileErrorCodes.MalformedXml, "The XML has no root element.", ActivityFormat.Tcx);
            }
            return Build();
        }

        private ActivityData Build()
        {
            if (_points.Count == 0 && _laps.Count == 0)
            {
                throw new ActivityFileException(ActivityFileErrorCodes.NoPoints, "The TCX file has no trackpoints and no laps.", ActivityFormat.Tcx);
            }
            var warnings = new List<string>();
            if (_badValues > 0)
            {
                warnings.Add(ReaderWarningCodes.Format(ReaderWarningCodes.InvalidValues, $"{_badValues} values could not be parsed and were left missing."));
            }
            DateTime? firstPoint = null;
            foreach (var p in _points)
            {
                if (p.TimeUtc is { } t)
                {
                    firstPoint = t;
                    break;
                }
            }
            var start = (_laps.Count > 0 ? _laps[0].StartTimeUtc : null) ?? _id ?? firstPoint;
            SessionData? session = null;
            if (_laps.Count > 0)
            {
                double? time = null, distance = null;
                foreach (var l in _laps)
                {
                    if (l.TotalTimerSeconds is { } t)
                    {
                        time = (time ?? 0) + t;
                    }
                    if (l.TotalDistanceMeters is { } d)
                    {
                        distance = (distance ?? 0) + d;
                    }
                }
                session = new SessionData(start, null, time, distance, null, null, null, null, null, null, null, null, null, null, null, null, null, _sport, null);
            }
            var version = _versionMajor is null ? null : _versionMinor is null ? _versionMajor : _versionMajor + "." + _versionMinor;
            var device = _deviceName is null && version is null ? null : new DeviceData(null, _deviceName, null, version);
            return new ActivityData(ActivityFormat.Tcx, start, _sport, null, _name, _points, _laps, session, device, warnings);
        }

        private static string? NormalizeSport(string? sport) => sport switch
        {
            null => null,
            "Biking" => "cycling",
            "Running" => "running",
            _ => sport.ToLowerInvariant(),
        };

        private static TcxElement ClassifyName(string name)
        {
            return SafeXml.LocalName(name) switch
            {
                "TrainingCenterDatabase" => TcxElement.Root,
                "Activity" => TcxElement.Activity,
                "Course" => TcxElement.Course,
                "Lap" => TcxElement.Lap,
                "Trackpoint" => TcxElement.Trackpoint,
                "Time" => TcxElement.Time,
                "Position" => TcxElement.Position,
                "LatitudeDegrees" => TcxElement.LatitudeDegrees,
                "LongitudeDegrees" => TcxElement.LongitudeDegrees,
                "AltitudeMeters" => TcxElement.AltitudeMeters,
                "DistanceMeters" => TcxElement.DistanceMeters,
                "HeartRateBpm" => TcxElement.HeartRateBpm,
                "AverageHeartRateBpm" => TcxElement.AverageHeartRateBpm,
                "Value" => TcxElement.Value,
                "Cadence" => TcxElement.Cadence,
                "Speed" => TcxElement.Speed,
                "Watts" => TcxElement.Watts,
                "AvgWatts" => TcxElement.AvgWatts,
                "TotalTimeSeconds" => TcxElement.TotalTimeSeconds,
                "Id" => TcxElement.Id,
                "Name" => TcxElement.Name,
                "Creator" => TcxElement.Creator,
                "Version" => TcxElement.Version,
                "VersionMajor" => TcxElement.VersionMajor,
                "VersionMinor" => TcxElement.VersionMinor,
                _ => TcxElement.Other,
            };
        }

        private void BeginPoint(int depth)
        {
            if (_points.Count >= options.MaxPoints)
            {
                throw new ActivityFileException(ActivityFileErrorCodes.TooManyPoints, $"The TCX file has more than {options.MaxPoints} trackpoints.", ActivityFormat.Tcx, null, SafeXml.Line(reader));
            }
            _pointDepth = depth;
            _time = null;
            _lat = _lon = _ele = _dist = _hr = _cad = _speed = _power = double.NaN;
        }

        private void EndPoint()
        {
            _pointDepth = -1;
            if (double.IsNaN(_lat) || double.IsNaN(_lon) || Math.Abs(_lat) > 90 || Math.Abs(_lon) > 180)
            {
                _lat = _lon = double.NaN; // indoor trackpoints have no position: keep the point
            }
            _points.Add(new TrackPoint(_time, _lat, _lon, _ele, _dist, _speed, _power, _hr, _cad, double.NaN));
        }

        private void EndLap()
        {
            _lapDepth = -1;
            _laps.Add(new LapData(_lapStart, null, N(_lapTime), N(_lapDistance), N(_lapPower), N(_lapHr)));
        }

        private void Assign(string text)
        {
            var parent = _textParent;
            if (_pointDepth >= 0)
            {
                switch (_textKind)
                {
                    case TcxElement.Time when parent == TcxElement.Trackpoint:
                        _time = XmlValues.ParseTime(text);
                        if (_time is null)
                        {
                            _badValues++;
                        }
                        break;
                    case TcxElement.LatitudeDegrees when parent == TcxElement.Position: _lat = Number(text); break;
                    case TcxElement.LongitudeDegrees when parent == TcxElement.Position: _lon = Number(text); break;
                    case TcxElement.AltitudeMeters when parent == TcxElement.Trackpoint: _ele = Number(text); break;
                    case TcxElement.DistanceMeters when parent == TcxElement.Trackpoint: _dist = Number(text); break;
                    case TcxElement.Value when parent == TcxElement.HeartRateBpm: _hr = Number(text); break;
                    case TcxElement.Cadence when parent == TcxElement.Trackpoint: _cad = Number(text); break;
                    case TcxElement.Speed when double.IsNaN(_speed): _speed = Number(text); break;
                    case TcxElement.Watts when double.IsNaN(_power): _power = Number(text); break;
                }
                return;
            }
            if (_lapDepth >= 0)
            {
                switch (_textKind)
                {
                    case TcxElement.TotalTimeSeconds when parent == TcxElement.Lap: _lapTime = Number(text); break;
                    case TcxElement.DistanceMeters when parent == TcxElement.Lap: _lapDistance = Number(text); break;
                    case TcxElement.Value when parent == TcxElement.AverageHeartRateBpm: _lapHr = Number(text); break;
                    case TcxElement.AvgWatts: _lapPower = Number(text); break;
                }
                return;
            }
            switch (_textKind)
            {
                case TcxElement.Id when parent == TcxElement.Activity: _id ??= XmlValues.ParseTime(text); break;
                case TcxElement.Name when parent == TcxElement.Course: _name ??= text; break;
                case TcxElement.Name when parent == TcxElement.Creator: _deviceName ??= text; break;
                case TcxElement.VersionMajor when parent == TcxElement.Version: _versionMajor ??= Integer(text); break;
                case TcxElement.VersionMinor when parent == TcxElement.Version: _versionMinor ??= Integer(text); break;
            }
        }

        private static string? Integer(string text) =>
            int.TryParse(text.AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v.ToString(CultureInfo.InvariantCulture) : null;

        private double Number(string text)
        {
            var v = XmlValues.ParseDouble(text);
            if (double.IsNaN(v))
            {
                _badValues++;
            }
            return v;
        }

        private static double? N(double v) => double.IsNaN(v) ? null : v;
    }
}
