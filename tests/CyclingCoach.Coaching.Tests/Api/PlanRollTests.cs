using System.Net;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>
/// The rolling window on the real database: a plan that started last week gets its next version from this Monday,
/// made by the coach through the same validator and judgement, once; the days already past stay as planned.
/// </summary>
public sealed class PlanRollTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    [Fact]
    public async Task A_new_week_rolls_the_plan_forward_once_keeping_the_days_already_past()
    {
        var monday = CoachApi.ThisMonday();
        await fixture.Client.PostJsonAsync("/api/coach/rules", new { text = "I can ride Tuesday, Thursday, Saturday and Sunday. Max 8 hours a week." }, HttpStatusCode.Created);
        var v1 = await fixture.Client.PostJsonAsync("/api/coach/plans/generate", new { startDate = monday.AddDays(-7), goals = new { weeklyHours = 7 } }, HttpStatusCode.Created);
        var first = CoachJson.Deserialize<CyclingCoach.Coaching.Domain.Plans.TrainingPlan>(v1.GetProperty("plan").GetRawText());

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var rolled = await plans.RollAsync(CancellationToken.None);

        var version = rolled?.Version ?? throw new Xunit.Sdk.XunitException($"no new version: {rolled?.Conflict} {string.Join("; ", rolled?.Violations ?? [])}");
        Assert.Equal((monday, 4, "coach:builtin", v1.GetProperty("id").GetGuid()), (version.Plan.StartDate, version.Plan.Weeks.Count, version.CreatedBy, version.ParentId!.Value));
        Assert.Equal(7, version.Goals!.WeeklyHours);
        var today = DateOnly.FromDateTime(DateTime.Now);
        foreach (var day in version.Plan.Days.Where(d => d.Date < today))
        {
            Assert.Equal(CoachJson.Serialize(first.Day(day.Date)), CoachJson.Serialize(day));
        }

        // The window has moved once; until next Monday nothing more happens.
        Assert.Null(await plans.RollAsync(CancellationToken.None));
        var current = await fixture.Client.GetJsonAsync("/api/coach/plans/current");
        Assert.Equal(version.Id, current.GetProperty("id").GetGuid());
    }
}
