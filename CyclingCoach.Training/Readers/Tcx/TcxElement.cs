namespace CyclingCoach.Training.Readers;

/// <summary>TCX element kinds the reader acts on, by local name (prefixes and namespaces ignored).</summary>
internal enum TcxElement : byte
{
    Other,
    Root,
    Activity,
    Course,
    Lap,
    Trackpoint,
    Time,
    Position,
    LatitudeDegrees,
    LongitudeDegrees,
    AltitudeMeters,
    DistanceMeters,
    HeartRateBpm,
    AverageHeartRateBpm,
    Value,
    Cadence,
    Speed,
    Watts,
    AvgWatts,
    TotalTimeSeconds,
    Id,
    Name,
    Creator,
    Version,
    VersionMajor,
    VersionMinor,
}
