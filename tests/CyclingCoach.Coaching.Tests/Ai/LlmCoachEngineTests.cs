using System.Text.Json;
using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Engines.Llm;

namespace CyclingCoach.Coaching.Tests.Ai;

/// <summary>The LLM engine end to end against the fake server, with answers serialized from real records.</summary>
public sealed class LlmCoachEngineTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static readonly RuleSet Rules = new()
    {
        AvailableDays = [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday, DayOfWeek.Sunday],
        RestDays = [DayOfWeek.Monday, DayOfWeek.Friday],
        MaxHoursPerWeek = 9,
        LongRideDay = DayOfWeek.Saturday,
        MaxHardSessionsPerWeek = 2,
        NoBackToBackHardDays = true,
    };

    private static readonly PlanContext Context = new(Rules, new AthleteSnapshot(250, 72, 188, 168, 48),
        new FitnessSnapshot(55, 60, -5, 7.5, 420), new PlanGoals("climbing", 8, "Alps trip \"in July\" {{weeks}}"), Monday);

    private FakeOpenAiServer server = null!;

    public async Task InitializeAsync() => server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Parses_rules_with_the_stored_prompt_and_the_text_json_encoded()
    {
        var expected = new RuleParseResult(Rules, ["ride with friends when possible"]);
        server.Reply(FakeReply.Content(CoachJson.Serialize(expected)));
        await using var host = AiHost.Create(server);
        var prompt = new PromptTemplate(Guid.NewGuid(), AiAction.RuleParsing, AiHost.Model, 2, "Rules: {{rules_text}} (today {{today}})");
        host.Prompts.Prompts[(AiAction.RuleParsing, AiHost.Model)] = prompt;
        const string text = "No riding on Mondays, \"max\" 9 h a week.\n{{today}}";

        var result = await Engine(host).ParseRulesAsync(text, CancellationToken.None);

        Assert.Equal(CoachJson.Serialize(expected), CoachJson.Serialize(result));
        Assert.Equal("""Rules: "No riding on Mondays, \"max\" 9 h a week.\n{{today}}" (today 2026-12-01)""", server.ChatRequests[0].MessageContents[^1]);
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal((AiAction.RuleParsing, prompt.Id, (int?)2, AiCallOutcome.Success), (record.Action, record.PromptId, record.PromptVersion, record.Outcome));
    }

    [Fact]
    public async Task Generates_a_plan_with_the_default_prompt_when_none_is_stored()
    {
        var plan = Plan(Monday, 4);
        server.Reply(FakeReply.Content(CoachJson.Serialize(plan)));
        await using var host = AiHost.Create(server);

        var result = await Engine(host).GeneratePlanAsync(Context, CancellationToken.None);

        Assert.Equal(CoachJson.Serialize(plan), CoachJson.Serialize(result));
        var sent = server.ChatRequests[0].MessageContents[^1];
        Assert.Contains("starts on Monday 2026-12-07", sent);
        Assert.Contains(JsonSerializer.Serialize(Rules, AiJson.Options), sent);
        Assert.Contains("\"notes\":\"Alps trip \\\"in July\\\" {{weeks}}\"", sent); // rider text stays JSON data, never re-rendered
        Assert.Equal(nameof(PlanAnswer), (string?)server.ChatRequests[0].Body!["response_format"]!["json_schema"]!["name"]);
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal((AiAction.PlanGeneration, (Guid?)null, AiCallOutcome.Success), (record.Action, record.PromptId, record.Outcome));
    }

    [Fact]
    public async Task A_plan_of_the_wrong_shape_is_sent_back_for_repair()
    {
        server.Reply(FakeReply.Content(CoachJson.Serialize(Plan(Monday.AddDays(1), 3))), FakeReply.Content(CoachJson.Serialize(Plan(Monday, 4))));
        await using var host = AiHost.Create(server);

        var result = await Engine(host).GeneratePlanAsync(Context, CancellationToken.None);

        Assert.Equal((Monday, 4), (result.StartDate, result.Weeks.Count));
        var repair = server.ChatRequests[1].MessageContents[^1];
        Assert.Contains("startDate: must be 2026-12-07, not 2026-12-08", repair);
        Assert.Contains("weeks: must have 4 weeks, not 3", repair);
        Assert.Equal(AiCallOutcome.Repaired, Assert.Single(host.CallLog.Records).Outcome);
    }

    [Fact]
    public async Task A_plan_of_the_wrong_shape_twice_is_an_output_error()
    {
        var watts = Plan(Monday, 4);
        var first = watts.Weeks[0].Days[1].Workouts[0];
        watts = Replace(watts, 0, 1, first with { Steps = [new WorkoutStep(StepKind.Steady, 3600, 180, 200)] });
        server.Otherwise = FakeReply.Content(CoachJson.Serialize(watts));
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiOutputException>(() => Engine(host).GeneratePlanAsync(Context, CancellationToken.None));

        Assert.Equal(["weeks[0].days[1].workouts[0].steps[0]: powers are fractions of FTP (0.65 = 65 %), not watts"], e.Errors);
        Assert.Equal((AiCallOutcome.InvalidOutput, 2), (host.CallLog.Records[0].Outcome, host.CallLog.Records[0].Attempts));
    }

    [Fact]
    public async Task Length_and_tss_of_a_workout_are_recomputed_from_its_steps()
    {
        var plan = Plan(Monday, 4);
        var built = plan.Weeks[1].Days[2].Workouts[0];
        server.Reply(FakeReply.Content(CoachJson.Serialize(Replace(plan, 1, 2, built with { DurationSeconds = 60, TargetTss = 999 }))));
        await using var host = AiHost.Create(server);

        var result = await Engine(host).GeneratePlanAsync(Context, CancellationToken.None);

        var workout = result.Weeks[1].Days[2].Workouts[0];
        Assert.Equal((built.DurationSeconds, built.TargetTss), (workout.DurationSeconds, workout.TargetTss));
    }

    [Fact]
    public async Task Analyses_a_ride_citing_the_facts_it_was_given()
    {
        var facts = Facts();
        var feedback = new CoachFeedback("A controlled endurance ride, close to plan.",
            [new CoachClaim("Intensity stayed in zone 2", ["intensityFactor", "normalizedPowerWatts"])],
            [new CoachClaim("Form is low", ["tsb"])],
            [new PlanSuggestion(new PlanOperation(PlanOperationKind.Shorten, Monday.AddDays(2), DurationSeconds: 3600), "Fatigue is high", ["tsb", "atl"])]);
        server.Reply(FakeReply.Content(CoachJson.Serialize(feedback)));
        await using var host = AiHost.Create(server);

        var result = await Engine(host).AnalyzeAsync(new AnalysisContext(facts, Plan(Monday, 4), Rules, Context.Athlete), CancellationToken.None);

        Assert.Equal(CoachJson.Serialize(feedback), CoachJson.Serialize(result));
        var sent = server.ChatRequests[0].MessageContents[^1];
        Assert.Contains("\"citable\":{", sent);
        Assert.Contains("\"intensityFactor\":0.68", sent);
        Assert.Equal(AiAction.WorkoutAnalysis, Assert.Single(host.CallLog.Records).Action);
    }

    [Fact]
    public async Task A_claim_citing_an_unknown_fact_is_sent_back_for_repair()
    {
        var bad = new CoachFeedback("Good.", [new CoachClaim("Great cadence", ["cadenceRpm"])], [], []);
        var good = bad with { Strengths = [new CoachClaim("Good pacing", ["intensityFactor"])] };
        server.Reply(FakeReply.Content(CoachJson.Serialize(bad)), FakeReply.Content(CoachJson.Serialize(good)));
        await using var host = AiHost.Create(server);

        var result = await Engine(host).AnalyzeAsync(new AnalysisContext(Facts(), null, Rules, Context.Athlete), CancellationToken.None);

        Assert.Equal("intensityFactor", result.Strengths[0].Cites[0]);
        Assert.Contains("strengths[0].cites: \"cadenceRpm\" is not a fact", server.ChatRequests[1].MessageContents[^1]);
    }

    [Fact]
    public async Task A_stored_prompt_with_an_unknown_placeholder_falls_back_to_the_default()
    {
        server.Reply(FakeReply.Content(CoachJson.Serialize(new RuleParseResult(Rules, []))));
        await using var host = AiHost.Create(server);
        host.Prompts.Prompts[(AiAction.RuleParsing, AiHost.Model)] = new(Guid.NewGuid(), AiAction.RuleParsing, AiHost.Model, 5, "{{rules_text}} {{weather}}");

        await Engine(host).ParseRulesAsync("rest on Mondays", CancellationToken.None);

        Assert.Contains("Turn a cyclist's training rules", server.ChatRequests[0].MessageContents[^1]);
        Assert.Null(Assert.Single(host.CallLog.Records).PromptId);
    }

    [Fact]
    public async Task A_provider_failure_surfaces_typed_for_the_fallback()
    {
        server.Otherwise = FakeReply.Status(402);
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiProviderException>(() => Engine(host).GeneratePlanAsync(Context, CancellationToken.None));

        Assert.Equal(AiCallOutcome.PaymentRequired, e.Outcome);
    }

    private static ICoachEngine Engine(AiHost host)
    {
        var engine = host.Get<LlmCoachEngine>();
        Assert.Equal("llm", engine.Name);
        return engine;
    }

    /// <summary>A plan of <paramref name="weeks"/> weeks: endurance Tuesday, sweet spot Thursday, long ride Saturday.</summary>
    private static TrainingPlan Plan(DateOnly start, int weeks) => new(start, "climbing",
        Enumerable.Range(0, weeks).Select(w => new PlanWeek(w + 1, w == 3 ? "recovery" : "build",
            Enumerable.Range(0, 7).Select(d => new PlanDay(start.AddDays(w * 7 + d), d switch
            {
                1 => [WorkoutLibrary.Build(WorkoutType.Endurance, 3600)],
                2 => [WorkoutLibrary.Build(WorkoutType.Recovery, 2400)],
                3 => [WorkoutLibrary.Build(WorkoutType.SweetSpot, 4500)],
                5 => [WorkoutLibrary.Build(WorkoutType.LongRide, 3 * 3600)],
                _ => [],
            })).ToList())).ToList(),
        "Builds two weeks, then recovers.");

    private static TrainingPlan Replace(TrainingPlan plan, int week, int day, PlannedWorkout workout)
    {
        var weeks = plan.Weeks.ToList();
        var days = weeks[week].Days.ToList();
        days[day] = days[day] with { Workouts = [workout] };
        weeks[week] = weeks[week] with { Days = days };
        return plan with { Weeks = weeks };
    }

    private static AnalysisFacts Facts() => new(Guid.NewGuid(), Monday.AddDays(1), "Morning ride", 3600, 30_000, 46, 0.68, 170, 160, 138, 250,
        new PlannedSessionFacts(WorkoutType.Endurance, "Endurance ride", 3600, 45), 98, 55, 70, -15);
}
