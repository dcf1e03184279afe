using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using static System.DayOfWeek;
using CyclingCoach.Coaching.Domain.Athletes;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// The rider the reaction scenarios ride: issue 17's steady rider (<see cref="Riders.Steady8h"/>: 8 h and 365 TSS a
/// week for 20 weeks, CTL ≈ 50, FTP 260 W as in <see cref="Rider.Context"/>) on a week a coach would write for them —
/// Mon rest, Tue threshold 90 min, Wed endurance 60, Thu sweet spot 75, Fri rest, Sat long ride 3 h, Sun endurance
/// 2 h — from the archetypes' first plan day, Monday 2027-03-01, two weeks.
/// </summary>
public static class ReactionScenarios
{
    public static readonly DateOnly Monday = Riders.Start;

    public const double Ftp = 260;

    public static DateOnly Day(int offset) => Monday.AddDays(offset);

    public static TrainingPlan Week(params (DayOfWeek Day, WorkoutType Type, int Minutes)[] sessions) => new(Monday, "build",
        Enumerable.Range(0, 2).Select(w => new PlanWeek(w + 1, "build", Enumerable.Range(0, 7).Select(d => Monday.AddDays(7 * w + d))
            .Select(date => new PlanDay(date, [.. sessions.Where(s => s.Day == date.DayOfWeek).Select(s => WorkoutLibrary.Build(s.Type, s.Minutes * 60))]))
            .ToList())).ToList());

    public static TrainingPlan Steady => Week(
        (Tuesday, WorkoutType.Threshold, 90), (Wednesday, WorkoutType.Endurance, 60), (Thursday, WorkoutType.SweetSpot, 75),
        (Saturday, WorkoutType.LongRide, 180), (Sunday, WorkoutType.Endurance, 120));

    /// <summary>The steady rider's rides up to Sunday 2027-02-28 (Tue 70, Thu 75, Sat 130, Sun 90 TSS for 20 weeks).</summary>
    public static List<(DateOnly Date, double Tss)> History() => [.. Riders.Steady8h().Rides.Select(r => (r.Date, r.Tss))];

    /// <summary>The plan's sessions ridden as planned on the days before <paramref name="until"/>.</summary>
    public static IEnumerable<(DateOnly Date, double Tss)> AsPlanned(TrainingPlan plan, DateOnly until) =>
        plan.Days.Where(d => d.Date < until && !d.IsRest).Select(d => (d.Date, d.Workouts.Sum(w => w.TargetTss)));

    /// <summary>
    /// The facts of a ride of <paramref name="hours"/> at <paramref name="intensity"/> (TSS = hours × 100 × IF²) on
    /// <paramref name="date"/> after <paramref name="history"/>, with form from the test's own PMC.
    /// </summary>
    public static AnalysisFacts Ride(TrainingPlan plan, IReadOnlyList<(DateOnly Date, double Tss)> history, DateOnly date, double hours, double intensity, double earlier = 0)
    {
        var tss = Math.Round(hours * 100 * intensity * intensity, 1);
        var (ctl, atl) = ReactionChecks.Pmc([.. history, (date, tss + earlier)], date);
        var (ctlBefore, atlBefore) = ReactionChecks.Pmc(history, date.AddDays(-1));
        var ride = new RideNumbers(Guid.NewGuid(), date, "Ride", hours * 3600, hours * 30_000, tss, intensity, Ftp * intensity, Ftp * intensity * 0.95, 140, Ftp, 168);
        return Compliance.BuildFacts(ride, plan, Math.Round(ctl, 1), Math.Round(atl, 1), Math.Round(ctlBefore - atlBefore, 1)) with { EarlierTssThatDay = earlier };
    }

    public static AnalysisContext Context(AnalysisFacts facts, TrainingPlan plan, RuleSet? rules = null) =>
        new(facts, plan, rules ?? RuleSet.None, new AthleteSnapshot(Ftp, 72, 186, 168, 50));

    /// <summary>The plan once every suggestion is approved.</summary>
    public static TrainingPlan Approved(TrainingPlan plan, CoachFeedback feedback) =>
        PlanOperationApplier.ApplyAll(plan, feedback.Suggestions.Select(s => s.Operation)).Plan
        ?? throw new InvalidOperationException("The suggestions do not apply together.");
}
