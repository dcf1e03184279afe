using System.Buffers;
using System.Xml;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// Streaming GPX 1.0/1.1 reader (tracks, segments, routes, waypoints, names; ele/time; HR, cadence, power,
/// temperature, speed, distance from Garmin TrackPointExtension v1/v2, <c>&lt;power&gt;</c>, <c>PowerInWatts</c>,
/// cluetrust <c>gpxdata</c> and similar variants, matched by local name). DTDs prohibited, no resolver, bounded
/// input size and point count; see <see cref="ActivityFileErrorCodes"/> for failures.
/// </summary>
public static class GpxReader
{
    public static GpxDocument Read(Stream stream, ActivityReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ActivityReaderOptions.Default;
        var limited = new LimitedReadStream(stream, options.MaxInputBytes, ActivityFormat.Gpx);
        try
        {
            using var reader = SafeXml.Open(limited, options.MaxInputBytes);
            var parser = new Parser(reader, options);
            try
            {
                return parser.Parse();
            }
            finally
            {
                parser.ReturnScratch();
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Classify(ex, limited, ActivityFormat.Gpx);
        }
    }

    /// <summary>Reads and flattens for ride import (see <see cref="GpxDocument.ToActivityData"/>).</summary>
    public static ActivityData ReadActivity(Stream stream, ActivityReaderOptions? options = null) => Read(stream, options).ToActivityData();

    private sealed class Parser(XmlReader reader, ActivityReaderOptions options)
    {
        private const int MaxDepth = 64;

        private readonly AtomizedNameCache<GpxElement> _kinds = new(ClassifyName);
        private readonly GpxElement[] _stack = new GpxElement[MaxDepth];
        private readonly List<GpxTrack> _tracks = [];
        private readonly List<GpxRoute> _routes = [];
        private readonly List<GpxWaypoint> _waypoints = [];

        private string? _docName;
        private DateTime? _docTime;

        private string? _trackName;
        private string? _trackType;
        private List<GpxSegment>? _segments;
        private bool _inSegment;
        private string? _routeName;
        private string? _routeType;
        private bool _inRoute;

        // Points of the open segment or route collect in a pooled buffer and are copied once, exactly sized, at its end.
        private TrackPoint[] _scratch = ArrayPool<TrackPoint>.Shared.Rent(1024);
        private int _scratchCount;

        private GpxElement _pointKind;
        private int _pointDepth = -1;
        private double _lat, _lon, _ele, _hr, _cad, _power, _temp, _speed, _dist;
        private DateTime? _time;
        private string? _pointName, _pointDesc;

        private GpxElement _textKind;
        private GpxElement _textParent;
        private int _textDepth = -1;

        private readonly char[] _chunk = new char[256];
        private int _pointCount;
        private int _skippedPoints;
        private int _badValues;

        public GpxDocument Parse()
        {
            string? version = null, creator = null;
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
                            if (kind != GpxElement.Gpx)
                            {
                                throw new ActivityFileException(ActivityFileErrorCodes.NotGpx, $"The XML root is <{reader.Name}>, not <gpx>.", ActivityFormat.Gpx, null, SafeXml.Line(reader));
                            }
                            version = reader.GetAttribute("version");
                            creator = reader.GetAttribute("creator");
                            _stack[0] = kind;
                            if (reader.IsEmptyElement)
                            {
                                return Build(version, creator);
                            }
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
                            case GpxElement.Trk when parent == GpxElement.Gpx:
                                _trackName = null;
                                _trackType = null;
                                _segments = [];
                                if (empty)
                                {
                                    EndTrack();
                                }
                                break;
                            case GpxElement.Trkseg when parent == GpxElement.Trk && _segments is not null:
                                _inSegment = true;
                                _scratchCount = 0;
                                if (empty)
                                {
                                    EndSegment();
                                }
                                break;
                            case GpxElement.Rte when parent == GpxElement.Gpx:
                                _routeName = null;
                                _routeType = null;
                                _inRoute = true;
                                _scratchCount = 0;
                                if (empty)
                                {
                                    EndRoute();
                                }
                                break;
                            case GpxElement.Trkpt when parent == GpxElement.Trkseg && _inSegment:
                            case GpxElement.Rtept when parent == GpxElement.Rte && _inRoute:
                            case GpxElement.Wpt when parent == GpxElement.Gpx:
                                BeginPoint(kind, depth);
                                if (empty)
                                {
                                    EndPoint();
                                }
                                break;
                            case GpxElement.Name or GpxElement.Desc or GpxElement.Type or GpxElement.Ele or GpxElement.Time
                                or GpxElement.HeartRate or GpxElement.Cadence or GpxElement.Power or GpxElement.Temperature
                                or GpxElement.Speed or GpxElement.Distance when !empty:
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
                            Assign();
                        }
                        break;
                    case XmlNodeType.EndElement:
                    {
                        var depth = reader.Depth;
                        _textDepth = -1;
                        if (depth >= MaxDepth)
                        {
                            break;
                        }
                        if (depth == _pointDepth)
                        {
                            EndPoint();
                            break;
                        }
                        switch (_stack[depth])
                        {
                            case GpxElement.Trkseg when depth == 2:
                                EndSegment();
                                break;
                            case GpxElement.Trk when depth == 1:
                                EndTrack();
                                break;
                            case GpxElement.Rte when depth == 1:
                                EndRoute();
                                break;
                        }
                        break;
                    }
                }
            }
            if (!rootSeen)
            {
                throw new ActivityFileException(ActivityFileErrorCodes.MalformedXml, "The XML has no root element.", ActivityFormat.Gpx);
            }
            return Build(version, creator);
        }

        private GpxDocument Build(string? version, string? creator)
        {
            var warnings = new List<string>();
            if (_skippedPoints > 0)
            {
                warnings.Add(ReaderWarningCodes.Format(ReaderWarningCodes.InvalidValues, $"{_skippedPoints} points without a valid lat/lon were skipped."));
            }
            if (_badValues > 0)
            {
                warnings.Add(ReaderWarningCodes.Format(ReaderWarningCodes.InvalidValues, $"{_badValues} values could not be parsed and were left missing."));
            }
            return new GpxDocument(version, creator, _docName, _docTime, _tracks, _routes, _waypoints, warnings);
        }

        private static GpxElement ClassifyName(string name)
        {
            return SafeXml.LocalName(name).ToLowerInvariant() switch
            {
                "gpx" => GpxElement.Gpx,
                "metadata" => GpxElement.Metadata,
                "trk" => GpxElement.Trk,
                "trkseg" => GpxElement.Trkseg,
                "trkpt" => GpxElement.Trkpt,
                "rte" => GpxElement.Rte,
                "rtept" => GpxElement.Rtept,
                "wpt" => GpxElement.Wpt,
                "name" => GpxElement.Name,
                "desc" => GpxElement.Desc,
                "type" => GpxElement.Type,
                "ele" => GpxElement.Ele,
                "time" => GpxElement.Time,
                "hr" or "heartrate" or "heart_rate" => GpxElement.HeartRate,
                "cad" or "cadence" => GpxElement.Cadence,
                "power" or "powerinwatts" or "watts" => GpxElement.Power,
                "atemp" or "temp" or "temperature" => GpxElement.Temperature,
                "speed" => GpxElement.Speed,
                "distance" => GpxElement.Distance,
                _ => GpxElement.Other,
            };
        }

        private void BeginPoint(GpxElement kind, int depth)
        {
            if (++_pointCount > options.MaxPoints)
            {
                throw new ActivityFileException(ActivityFileErrorCodes.TooManyPoints, $"The GPX file has more than {options.MaxPoints} points.", ActivityFormat.Gpx, null, SafeXml.Line(reader));
            }
            _pointKind = kind;
            _pointDepth = depth;
            _lat = SafeXml.AttributeNumber(reader, "lat", _chunk);
            _lon = SafeXml.AttributeNumber(reader, "lon", _chunk);
            _ele = _hr = _cad = _power = _temp = _speed = _dist = double.NaN;
            _time = null;
            _pointName = _pointDesc = null;
        }

        private void EndPoint()
        {
            var kind = _pointKind;
            _pointDepth = -1;
            _pointKind = GpxElement.Other;
            if (double.IsNaN(_lat) || double.IsNaN(_lon) || Math.Abs(_lat) > 90 || Math.Abs(_lon) > 180)
            {
                _skippedPoints++;
                return;
            }
            var p = new TrackPoint(_time, _lat, _lon, _ele, _dist, _speed, _power, _hr, _cad, _temp);
            if (kind == GpxElement.Wpt)
            {
                _waypoints.Add(new GpxWaypoint(p, _pointName, _pointDesc));
                return;
            }
            if (_scratchCount == _scratch.Length)
            {
                var bigger = ArrayPool<TrackPoint>.Shared.Rent(_scratch.Length * 2);
                Array.Copy(_scratch, bigger, _scratchCount);
                ArrayPool<TrackPoint>.Shared.Return(_scratch);
                _scratch = bigger;
            }
            _scratch[_scratchCount++] = p;
        }

        private TrackPoint[] TakeScratch()
        {
            // TrackPoint holds no references, so the copy target need not be zeroed first.
            var points = GC.AllocateUninitializedArray<TrackPoint>(_scratchCount);
            Array.Copy(_scratch, points, _scratchCount);
            _scratchCount = 0;
            return points;
        }

        public void ReturnScratch()
        {
            ArrayPool<TrackPoint>.Shared.Return(_scratch);
            _scratch = [];
        }

        private void EndSegment()
        {
            if (_inSegment)
            {
                _segments?.Add(new GpxSegment(TakeScratch()));
                _inSegment = false;
            }
        }

        private void EndTrack()
        {
            if (_segments is not null)
            {
                _tracks.Add(new GpxTrack(_trackName, _trackType, _segments));
                _segments = null;
            }
        }

        private void EndRoute()
        {
            if (_inRoute)
            {
                _routes.Add(new GpxRoute(_routeName, _routeType, TakeScratch()));
                _inRoute = false;
            }
        }

        private void Assign()
        {
            var kind = _textKind;
            if (kind is GpxElement.Name or GpxElement.Desc or GpxElement.Type)
            {
                AssignText(kind, _textParent, reader.Value);
                return;
            }
            if (!SafeXml.TryValueChunk(reader, _chunk, out var text))
            {
                _badValues++;
                return;
            }
            var parent = _textParent;
            if (_pointDepth >= 0)
            {
                var direct = parent == _pointKind;
                switch (kind)
                {
                    case GpxElement.Ele when direct: _ele = Number(text); break;
                    case GpxElement.Time when direct:
                        _time = XmlValues.ParseTime(text);
                        if (_time is null)
                        {
                            _badValues++;
                        }
                        break;
                    case GpxElement.HeartRate when double.IsNaN(_hr): _hr = Number(text); break;
                    case GpxElement.Cadence when double.IsNaN(_cad): _cad = Number(text); break;
                    case GpxElement.Power when double.IsNaN(_power): _power = Number(text); break;
                    case GpxElement.Temperature when double.IsNaN(_temp): _temp = Number(text); break;
                    case GpxElement.Speed when double.IsNaN(_speed): _speed = Number(text); break;
                    case GpxElement.Distance when double.IsNaN(_dist): _dist = Number(text); break;
                }
                return;
            }
            if (kind == GpxElement.Time && parent is GpxElement.Metadata or GpxElement.Gpx)
            {
                _docTime ??= XmlValues.ParseTime(text);
            }
        }

        private void AssignText(GpxElement kind, GpxElement parent, string text)
        {
            if (_pointDepth >= 0)
            {
                if (parent == _pointKind)
                {
                    if (kind == GpxElement.Name)
                    {
                        _pointName = text;
                    }
                    else if (kind == GpxElement.Desc)
                    {
                        _pointDesc = text;
                    }
                }
                return;
            }
            switch (kind)
            {
                case GpxElement.Name when parent == GpxElement.Trk: _trackName = text; break;
                case GpxElement.Type when parent == GpxElement.Trk: _trackType = text; break;
                case GpxElement.Name when parent == GpxElement.Rte: _routeName = text; break;
                case GpxElement.Type when parent == GpxElement.Rte: _routeType = text; break;
                case GpxElement.Name when parent is GpxElement.Metadata or GpxElement.Gpx: _docName ??= text; break;
            }
        }

        private double Number(ReadOnlySpan<char> text)
        {
            var v = XmlValues.ParseDouble(text);
            if (double.IsNaN(v))
            {
                _badValues++;
            }
            return v;
        }
    }
}
