using System.Text;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>A plan as a coach reads it: one line a week (phase, hours, TSS, sessions) and one a day.</summary>
public static class PlanPrinter
{
    public static string Print(TrainingPlan plan, bool days = true)
    {
        var text = new StringBuilder();
        foreach (var week in plan.Weeks)
        {
            var hours = week.Days.Sum(d => d.DurationSeconds) / 3600.0;
            var tss = week.Days.SelectMany(d => d.Workouts).Sum(w => w.TargetTss);
            text.AppendLine($"W{week.WeekNumber} {week.Phase,-10} {hours,5:0.0} h {tss,5:0} TSS  {week.Days.Sum(d => d.Workouts.Count)} sessions  {week.Focus}");
            if (!days)
            {
                continue;
            }

            foreach (var day in week.Days)
            {
                var sessions = string.Join(" + ", day.Workouts.Select(w => $"{w.Name} {w.DurationSeconds / 60} min {w.TargetTss:0} TSS"));
                var marker = day.Event is { } e ? $"  [{e.Priority.ToString().ToUpperInvariant()} event: {e.Name}]" : "";
                text.AppendLine($"    {day.Date:ddd MM-dd}  {(sessions.Length == 0 ? "rest" : sessions)}{marker}");
            }
        }

        text.AppendLine(plan.Notes);
        return text.ToString();
    }
}
