using CyclingCoach.Coaching.Domain.Courses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Routes;
using Xunit.Abstractions;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// An A event on a course with known climbs (Training's route analysis of a synthetic road, mapped as Routes maps it
/// into <c>RouteAnalyzed</c>): 20 km flat, 8 km at 7 %, 20 km flat, 4 km at 5 %, 10 km flat, 1 km at 4 % (a few
/// minutes: not a key climb), 30 km flat. The built-in coach's plan prepares for its key climbs.
/// </summary>
public sealed class CourseScenarioTests(ITestOutputHelper output)
{
    internal static readonly Guid RouteId = Guid.Parse("0193a4d2-0000-7000-8000-00000000c0de");

    internal static EventCourse Course()
    {
        var rider = RiderProfile.Default with { FtpWatts = 260, RiderMassKg = 72 };
        (double Length, double Grade)[] legs = [(20_000, 0), (8_000, 7), (20_000, 0), (4_000, 5), (10_000, 0), (1_000, 4), (30_000, 0)];
        var points = new List<TrackPoint>();
        var (h, at) = (300.0, 0.0);
        foreach (var (length, grade) in legs)
        {
            for (var d = 0.0; d < length; d += 20)
            {
                points.Add(TrackPoint.At(45 + ((at + d) / (GeoMath.EarthRadiusMeters * Math.PI / 180)), 6, h + (d * grade / 100)));
            }

            (h, at) = (h + (length * grade / 100), at + length);
        }

        var analysis = RouteAnalyzer.Analyze(points, rider);
        return new EventCourse(RouteId, "Col Sportive", analysis.DistanceMeters, analysis.ElevationGainMeters, analysis.EstimatedTimeSeconds, rider.FtpWatts,
            analysis.Sections.Where(s => s.Kind == SectionKind.Climb)
                .Select(s => new CourseClimb(s.StartDistanceMeters, s.DistanceMeters, s.AverageGradePercent ?? 0, s.MaxSustainedGradePercent ?? 0,
                    s.ElevationGainMeters, s.EstimatedTimeSeconds, s.TargetPowerWatts)).ToList());
    }

    internal static (Rider Rider, PlanContext Context) EventOnTheCourse(EventCourse? course)
    {
        var rider = Riders.EventIn(8);
        var rules = rider.Rules with { Events = [.. rider.Rules.Events.Select(e => e with { RouteId = RouteId })] };
        return (rider, rider.Context() with { Rules = rules, Courses = course is null ? [] : [course] });
    }

    [Fact]
    public void The_course_has_the_known_climbs_and_two_key_ones()
    {
        var course = Course();
        Assert.Equal(3, course.Climbs.Count);
        Assert.Equal([7.0, 5.0], course.KeyClimbs.Select(c => Math.Round(c.AverageGradePercent)).ToArray());
        Assert.InRange(course.KeyClimbs[0].StartMeters, 19_800, 20_200);
        Assert.InRange(course.KeyClimbs[1].StartMeters, 47_800, 48_200);
        Assert.True(course.Climbs[2].EstimatedSeconds < EventCourse.KeyClimbMinSeconds);
    }

    [Fact]
    public void The_built_in_plan_holds_efforts_matched_to_each_key_climb_and_a_coach_signs_it()
    {
        var course = Course();
        var (rider, context) = EventOnTheCourse(course);
        var plan = PlanValidator.Repair(BuiltInPlanGenerator.Generate(context), context.Rules).Plan;
        output.WriteLine(PlanPrinter.Print(plan));

        var prepared = plan.Days.SelectMany(d => d.Workouts).Where(w => w.PreparesFor is not null && w.Type != WorkoutType.LongRide).ToList();
        foreach (var climb in course.KeyClimbs)
        {
            // A session names the climb and holds efforts at its power (± 5 % FTP) as long as the climb, up to 30 min of tempo.
            var sessions = prepared.Where(w => w.PreparesFor!.Contains($"km {climb.StartMeters / 1000:0.#} ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(sessions);
            foreach (var session in sessions)
            {
                Assert.True(CourseSessions.Matches(session, course, climb), session.Name);
                var effort = session.Steps.Single(s => s.Kind == StepKind.Intervals);
                Assert.Equal(course.Fraction(climb), effort.PowerHigh, 0.01);
                Assert.Equal(Math.Min(30 * 60, (int)(climb.EstimatedSeconds / 60) * 60), effort.DurationSeconds);
                Assert.True(effort.Repeat >= 1 && effort.Repeat * effort.DurationSeconds <= 60 * 60);
            }
        }

        // Every base/build week with quality work has one course session; the long rides say what the course holds.
        foreach (var week in plan.Weeks.Where(w => w.Phase is PlanPhase.Base or PlanPhase.Build && w.Days.Any(d => d.Workouts.Any(x => x.Type.IsHard() || x.PreparesFor is not null))))
        {
            Assert.Single(week.Days.SelectMany(d => d.Workouts), w => w.PreparesFor is not null && w.Type != WorkoutType.LongRide);
        }

        var longRides = plan.Days.SelectMany(d => d.Workouts).Where(w => w.Type == WorkoutType.LongRide).ToList();
        Assert.NotEmpty(longRides);
        Assert.All(longRides, w => Assert.StartsWith("Col Sportive: the whole course", w.PreparesFor));
        // The long rides grow toward the course's duration (longer than without the course, never longer than the course).
        var (_, general) = EventOnTheCourse(null);
        var without = BuiltInPlanGenerator.Generate(general).Days.SelectMany(d => d.Workouts).Where(w => w.Type == WorkoutType.LongRide).ToList();
        Assert.True(longRides.Max(w => w.DurationSeconds) > without.Max(w => w.DurationSeconds));
        Assert.All(longRides, w => Assert.True(w.DurationSeconds <= course.EstimatedSeconds + 1800));

        Assert.DoesNotContain(PlanValidator.Validate(plan, context.Rules), v => v.Severity == ViolationSeverity.Error);
        Assert.Empty(CoachChecks.Check(rider, plan));
        Assert.DoesNotContain(PlanJudgement.Judge(plan, context), v => v.Severity == ViolationSeverity.Error);
    }

    [Fact]
    public void The_judgement_refuses_a_plan_that_ignores_the_course()
    {
        // A plan written without the course (as an LLM that skipped it would) is refused once the course is known.
        var (_, without) = EventOnTheCourse(null);
        var plan = BuiltInPlanGenerator.Generate(without);
        Assert.DoesNotContain(plan.Days.SelectMany(d => d.Workouts), w => w.PreparesFor is not null);
        Assert.DoesNotContain(PlanJudgement.Judge(plan, without), v => v.Code == PlanViolationCodes.CourseNotPrepared);

        var (_, with) = EventOnTheCourse(Course());
        var refused = Assert.Single(PlanJudgement.Judge(plan, with), v => v.Code == PlanViolationCodes.CourseNotPrepared);
        Assert.Equal(ViolationSeverity.Error, refused.Severity);
        Assert.Contains("Col Sportive", refused.Message);
    }
}
