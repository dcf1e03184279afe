using System.Globalization;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Courses;

/// <summary>
/// Sessions specific to an event's course (coaching.md §4: the Specialty phase makes training specific to the event
/// [TR-A]; the numbers below are [E]). In a base or build week before the A event whose course is known:
/// <list type="bullet">
/// <item>the week's first hard session becomes the course's key climbs in turn (one per week): sustained efforts at the
/// power the climb asks for, as long as the climb up to 15 / 20 / 30 min per effort at threshold / sweet spot / tempo
/// [E: the usual lengths of those intervals, e.g. 2×20 sweet spot], with half an effort's easy riding between (at least
/// 5 min), in the same session length so the week's hours and caps stay as laid out;</item>
/// <item>the long ride says what the course holds (its duration and climbing) and asks for climbing in proportion.</item>
/// </list>
/// Each such session names what it prepares for (<see cref="PlannedWorkout.PreparesFor"/>).
/// </summary>
public static class CourseSessions
{
    private const int WarmupSeconds = 10 * 60, CooldownSeconds = 5 * 60, MinRecoverySeconds = 5 * 60;

    /// <summary>Power of a matched effort: within 5 % of FTP of the climb's power (also what the judgement accepts) [E].</summary>
    public const double PowerTolerance = 0.05;

    public static IReadOnlyList<PlanDay> Prepare(IReadOnlyList<PlanDay> days, EventCourse course, int weekIndex)
    {
        var climbs = course.KeyClimbs;
        var replaced = false;
        var result = new List<PlanDay>(days.Count);
        foreach (var day in days)
        {
            var workouts = new List<PlannedWorkout>(day.Workouts.Count);
            foreach (var workout in day.Workouts)
            {
                if (!replaced && climbs.Count > 0 && workout.Type.IsHard() && ClimbSession(course, climbs[weekIndex % climbs.Count], workout.DurationSeconds) is { } session)
                {
                    workouts.Add(session);
                    replaced = true;
                }
                else
                {
                    workouts.Add(workout.Type == WorkoutType.LongRide ? LongRide(workout, course) : workout);
                }
            }

            result.Add(day with { Workouts = workouts });
        }

        return result;
    }

    /// <summary>Efforts at the climb's power in a session of <paramref name="seconds"/>; null when not even one fits.</summary>
    public static PlannedWorkout? ClimbSession(EventCourse course, CourseClimb climb, int seconds)
    {
        var power = Math.Round(Math.Clamp(course.Fraction(climb), 0.70, 1.05), 2);
        var longest = power >= 0.95 ? 15 * 60 : power >= 0.88 ? 20 * 60 : 30 * 60;
        var effort = Math.Max(MinRecoverySeconds, Math.Min(longest, (int)(climb.EstimatedSeconds / 60) * 60));
        var recovery = Math.Max(MinRecoverySeconds, effort / 2 / 60 * 60);
        var room = seconds - WarmupSeconds - CooldownSeconds;
        // At most 40 min of sweet spot or threshold and 60 min of tempo in a session, as the library's longest (3×20 tempo, 2×20 sweet spot) [E].
        var repeats = Math.Min((power >= 0.88 ? 40 * 60 : 60 * 60) / effort, room / (effort + recovery));
        if (repeats < 1)
        {
            return null;
        }

        var filler = room - (repeats * (effort + recovery));
        List<WorkoutStep> steps = [new(StepKind.Warmup, WarmupSeconds, 0.45, 0.70), new(StepKind.Intervals, effort, power, power, repeats, recovery, 0.50)];
        if (filler > 0)
        {
            steps.Add(new WorkoutStep(StepKind.Steady, filler, 0.62, 0.62));
        }

        steps.Add(new WorkoutStep(StepKind.Cooldown, CooldownSeconds, 0.65, 0.45));
        var type = power >= 0.95 ? WorkoutType.Threshold : power >= 0.88 ? WorkoutType.SweetSpot : WorkoutType.Tempo;
        var prepares = course.Describe(climb);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{repeats}×{effort / 60} min at {power:P0} FTP, {recovery / 60} min easy {(repeats > 1 ? "between" : "after")}: the climb at km {climb.StartMeters / 1000:0.#} of {course.Name} " +
            $"asks for about {climb.EstimatedSeconds / 60:0} min at this power. Seated, at the cadence you will climb it at.");
        return new PlannedWorkout(type, string.Create(CultureInfo.InvariantCulture, $"Course climb km {climb.StartMeters / 1000:0.#}: {repeats}×{effort / 60} min"),
            WorkoutSteps.TotalSeconds(steps), power >= 0.91 ? 4 : 3, WorkoutSteps.Tss(steps), steps, text, PreparesFor: prepares);
    }

    private static PlannedWorkout LongRide(PlannedWorkout ride, EventCourse course)
    {
        var hours = course.EstimatedSeconds / 3600;
        var climbing = course.ElevationGainMeters is { } gain && hours > 0 ? gain / hours * ride.DurationSeconds / 3600 : (double?)null;
        var gainText = course.ElevationGainMeters is { } g ? string.Create(CultureInfo.InvariantCulture, $", {g:0} m of climbing") : "";
        var climbText = climbing is { } m ? string.Create(CultureInfo.InvariantCulture, $"ride it on hilly roads, about {m:0} m of climbing in this ride, and ") : "";
        var text = string.Create(CultureInfo.InvariantCulture, $" For {course.Name} ({course.DistanceMeters / 1000:0} km, about {hours:0.#} h{gainText}): {climbText}eat and drink as you will on the day.");
        return ride with { Description = ride.Description + text, PreparesFor = course.WholeCourse };
    }

    /// <summary>The workout holds an effort of at least 5 min (or the climb's length) within 5 % FTP of the climb's power.</summary>
    public static bool Matches(PlannedWorkout workout, EventCourse course, CourseClimb climb)
    {
        var power = course.Fraction(climb);
        var least = Math.Min(EventCourse.KeyClimbMinSeconds, (int)climb.EstimatedSeconds);
        return workout.Steps.Any(s => s.Kind is StepKind.Intervals or StepKind.Steady && s.DurationSeconds >= least
                                      && Math.Abs((s.Kind == StepKind.Steady ? (s.PowerLow + s.PowerHigh) / 2 : s.PowerHigh) - Math.Clamp(power, 0.70, 1.05)) <= PowerTolerance);
    }
}
