using System.Globalization;

namespace CyclingCoach.Coaching.Domain.Courses;

/// <summary>
/// An event's course as Routes last analysed it (the <c>RouteAnalyzed</c> event): its length, climbing, the time the
/// rider needs and its climbs with the power each asks for at <see cref="FtpWatts"/>.
/// </summary>
public sealed record EventCourse(
    Guid RouteId,
    string Name,
    double DistanceMeters,
    double? ElevationGainMeters,
    double EstimatedSeconds,
    double FtpWatts,
    IReadOnlyList<CourseClimb> Climbs)
{
    /// <summary>A climb shorter than this is ridden on momentum, not trained for as a sustained effort [E].</summary>
    public const int KeyClimbMinSeconds = 5 * 60;

    /// <summary>How many climbs the plan prepares for [E]: the hardest three.</summary>
    public const int KeyClimbCount = 3;

    /// <summary>The climbs the plan prepares for: the hardest (time × power) of at least 5 min, in route order.</summary>
    public IReadOnlyList<CourseClimb> KeyClimbs => Climbs.Where(c => c.EstimatedSeconds >= KeyClimbMinSeconds)
        .OrderByDescending(c => c.EstimatedSeconds * c.PowerWatts).Take(KeyClimbCount).OrderBy(c => c.StartMeters).ToList();

    /// <summary>The climb's power as a fraction of the FTP it was estimated with.</summary>
    public double Fraction(CourseClimb climb) => FtpWatts > 0 ? climb.PowerWatts / FtpWatts : 0;

    /// <summary>What a long ride toward the whole course names (<see cref="Plans.PlannedWorkout.PreparesFor"/>).</summary>
    public string WholeCourse => string.Create(CultureInfo.InvariantCulture, $"{Name}: the whole course, about {EstimatedSeconds / 3600:0.#} h");

    public string Describe(CourseClimb climb) => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: the climb at km {climb.StartMeters / 1000:0.#} ({climb.DistanceMeters / 1000:0.#} km at {climb.AverageGradePercent:0.#} %, about {climb.EstimatedSeconds / 60:0} min at {climb.PowerWatts:0} W)");
}

public sealed record CourseClimb(
    double StartMeters,
    double DistanceMeters,
    double AverageGradePercent,
    double MaxSustainedGradePercent,
    double? ElevationGainMeters,
    double EstimatedSeconds,
    double PowerWatts);
