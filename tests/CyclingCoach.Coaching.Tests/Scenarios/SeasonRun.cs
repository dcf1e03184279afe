using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// A season ridden week by week the way the rolling window works: each Monday the coach makes a 4-week plan from the
/// rides so far, the rider rides its first week exactly as planned (an event day as a ride of the event's load), and
/// the window moves on. Reaction scenarios can ride something else than planned by passing <c>ride</c>.
/// </summary>
public sealed class SeasonRun
{
    private SeasonRun(Rider start) => Rider = start;

    public Rider Rider { get; private set; }

    /// <summary>Every plan made, in order, with the rider as they were when it was made.</summary>
    public List<(Rider Rider, TrainingPlan Plan)> Plans { get; } = [];

    /// <summary>The weeks actually ridden: each plan's first week.</summary>
    public List<PlanWeek> Ridden { get; } = [];

    /// <param name="generate">The engine: the context in, the plan as stored out.</param>
    /// <param name="eventLoad">TSS and hours of riding an event (default a hard 5-hour gran fondo).</param>
    public static async Task<SeasonRun> RideAsync(Rider rider, int weeks, Func<PlanContext, Task<TrainingPlan>> generate, (double Tss, double Hours)? eventLoad = null)
    {
        var run = new SeasonRun(rider);
        var (eventTss, eventHours) = eventLoad ?? (300, 5);
        for (var w = 0; w < weeks; w++)
        {
            var plan = await generate(run.Rider.Context(current: run.Plans.Count > 0 ? run.Plans[^1].Plan : null));
            run.Plans.Add((run.Rider, plan));
            var history = run.Rider.History.To(run.Rider.Today.AddDays(7));
            foreach (var day in plan.Weeks[0].Days)
            {
                foreach (var workout in day.Workouts)
                {
                    history.Ride(day.Date, workout.DurationSeconds / 3600.0, workout.TargetTss);
                }

                if (day.Event is not null)
                {
                    history.Ride(day.Date, eventHours, eventTss);
                }
            }

            run.Ridden.Add(plan.Weeks[0]);
            run.Rider = run.Rider with { History = history };
        }

        return run;
    }

    public static Task<TrainingPlan> BuiltIn(PlanContext context) =>
        Task.FromResult(PlanValidator.Repair(BuiltInPlanGenerator.Generate(context), context.Rules).Plan);
}
