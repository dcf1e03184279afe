namespace CyclingCoach.Training.Readers;

/// <summary>GPX element kinds the reader acts on, by local name (prefixes and namespaces ignored).</summary>
internal enum GpxElement : byte
{
    Other,
    Gpx,
    Metadata,
    Trk,
    Trkseg,
    Trkpt,
    Rte,
    Rtept,
    Wpt,
    Name,
    Desc,
    Type,
    Ele,
    Time,
    HeartRate,
    Cadence,
    Power,
    Temperature,
    Speed,
    Distance,
}
