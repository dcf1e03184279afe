using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// What a coach checks in the plan after reacting to a ride, written from research/coaching.md §5's numbers — not from
/// the coach's own constants (CoachingPrinciples.Reactions.cs), so a wrong constant there shows up here.
/// </summary>
public static class ReactionChecks
{
    // §5 Unplanned load, Coggan's day-TSS scale [CG2]: < 150 recovered by the next day; 150–300 residual fatigue gone
    // by day 2 (so the next day easy); 300–450 → 2 easy days; > 450 → 3. An unplanned ride at IF ≥ 0.85 is hard.
    public static int EasyDaysAfter(double dayTss) => dayTss > 450 ? 3 : dayTss >= 300 ? 2 : dayTss >= 150 ? 1 : 0;

    public const double HardRide = 0.85;

    // §5 Fatigue: TSB below −30 (or TSB/CTL below −0.4) → the next 2–3 days easy, no new hard session until TSB > −20.
    public const double Fatigued = -30, FatiguedShare = -0.4, Recovered = -20;

    // §1 PMC: CTL and ATL are 42- and 7-day exponentially weighted averages of daily TSS [ICU].
    public static (double Ctl, double Atl) Pmc(IEnumerable<(DateOnly Date, double Tss)> rides, DateOnly through)
    {
        var byDay = rides.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.Sum(r => r.Tss));
        if (byDay.Count == 0)
        {
            return (0, 0);
        }

        double ctl = 0, atl = 0;
        for (var d = byDay.Keys.Min(); d <= through; d = d.AddDays(1))
        {
            var tss = byDay.GetValueOrDefault(d);
            ctl += (tss - ctl) * (1 - Math.Exp(-1 / 42.0));
            atl += (tss - atl) * (1 - Math.Exp(-1 / 7.0));
        }

        return (ctl, atl);
    }

    /// <summary>The form going into <paramref name="date"/> when the rider rides <paramref name="plan"/> after <paramref name="from"/>.</summary>
    public static double TsbInto(TrainingPlan plan, DateOnly from, double ctl, double atl, DateOnly date)
    {
        for (var d = from.AddDays(1); d < date; d = d.AddDays(1))
        {
            var tss = plan.Day(d)?.Workouts.Sum(w => w.TargetTss) ?? 0;
            ctl += (tss - ctl) * (1 - Math.Exp(-1 / 42.0));
            atl += (tss - atl) * (1 - Math.Exp(-1 / 7.0));
        }

        return ctl - atl;
    }

    // Sweet spot and above is hard (coaching.md §3: "hard sessions (sweet spot and above)").
    public static bool Hard(TrainingPlan plan, DateOnly date) =>
        plan.Day(date)?.Workouts.Any(w => w.Type is WorkoutType.SweetSpot or WorkoutType.Threshold or WorkoutType.Vo2Max or WorkoutType.Anaerobic or WorkoutType.Sprint) == true;

    /// <summary>
    /// The findings of a coach about <paramref name="after"/>, the plan once the reaction to a ride on
    /// <paramref name="rideDate"/> is approved: the <paramref name="easyDays"/> after it carry no hard session; every hard
    /// session that was moved stays in its week with an easy day either side; no week gains hard sessions or time
    /// (missed or extra work is never "repaid"); and, for a fatigued rider, no hard session is added on a day projected
    /// at TSB −20 or below.
    /// </summary>
    public static IReadOnlyList<string> Check(TrainingPlan before, TrainingPlan after, DateOnly rideDate, int easyDays, (double Ctl, double Atl)? fatigued = null)
    {
        var findings = new List<string>();
        for (var d = 1; d <= easyDays; d++)
        {
            if (Hard(after, rideDate.AddDays(d)))
            {
                findings.Add($"easy: {rideDate.AddDays(d):ddd d MMM} still has a hard session");
            }
        }

        for (var w = 0; w < after.Weeks.Count; w++)
        {
            var (old, now) = (before.Weeks[w], after.Weeks[w]);
            if (now.Days.Count(d => Hard(after, d.Date)) > old.Days.Count(d => Hard(before, d.Date)))
            {
                findings.Add($"repay: week {w + 1} gained a hard session");
            }

            if (now.Days.Sum(d => d.DurationSeconds) > old.Days.Sum(d => d.DurationSeconds))
            {
                findings.Add($"repay: week {w + 1} gained time");
            }

            foreach (var day in now.Days.Where(d => d.Date > rideDate && Hard(after, d.Date) && !Hard(before, d.Date)))
            {
                if (Hard(after, day.Date.AddDays(-1)) || Hard(after, day.Date.AddDays(1)))
                {
                    findings.Add($"spacing: the hard session moved to {day.Date:ddd d MMM} has no easy day beside it");
                }

                if (fatigued is { } form && TsbInto(after, rideDate, form.Ctl, form.Atl, day.Date) <= Recovered)
                {
                    findings.Add($"fatigue: a hard session lands on {day.Date:ddd d MMM} while TSB is projected at or below {Recovered}");
                }
            }
        }

        return findings;
    }
}
