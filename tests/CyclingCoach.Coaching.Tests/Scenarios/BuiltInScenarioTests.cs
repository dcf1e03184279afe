using CyclingCoach.Coaching.Domain.Plans;
using Xunit.Abstractions;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// The built-in coach through every rider archetype: its plan, as stored (repaired against the rules), must pass
/// every check a coach makes (<see cref="CoachChecks"/>) and the service's own judgement without an error.
/// </summary>
public sealed class BuiltInScenarioTests(ITestOutputHelper output)
{
    public static TheoryData<string> Archetypes => [.. Riders.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Archetypes))]
    public void The_plan_is_one_a_coach_would_sign(string name)
    {
        var rider = Riders.All.Single(r => r.Name == name);
        var context = rider.Context();

        var plan = PlanValidator.Repair(BuiltInPlanGenerator.Generate(context), context.Rules).Plan;

        output.WriteLine(PlanPrinter.Print(plan));
        Assert.Empty(CoachChecks.Check(rider, plan));
        Assert.DoesNotContain(PlanJudgement.Judge(plan, context), v => v.Severity == ViolationSeverity.Error);
    }
}
