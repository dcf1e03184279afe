using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Engines.BuiltIn;
using CyclingCoach.Coaching.Engines.Llm;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Tests.Ai;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using static CyclingCoach.Coaching.Tests.Scenarios.ReactionScenarios;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// How the coach reacts to what the steady rider actually did (coaching.md §5), judged by <see cref="ReactionChecks"/>:
/// each scenario through the built-in engine, and through the LLM engine with a canned good answer (a coach's) and a
/// canned bad one (praise, no change) — the bad one is sent back once naming the missing reaction, then the built-in
/// coach answers, so what the rider gets passes the same checks whichever engine was asked.
/// </summary>
public sealed class ReactionScenarioTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeOpenAiServer server = null!;

    public async Task InitializeAsync() => server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static readonly string[] Engines = ["builtin", "llm-good", "llm-bad"];

    /// <summary>A scenario: the ride's facts, the plan, how many days after it must be easy (from coaching.md) and a coach's answer for the canned LLM.</summary>
    private sealed record Scenario(AnalysisFacts Facts, TrainingPlan Plan, int EasyDays, (double Ctl, double Atl)? Fatigued, PlanSuggestion CoachAnswer);

    private static Scenario FourHoursOnARestDay()
    {
        // Monday is rest; 4 h at IF 0.79 is TSS 250: Coggan's 150–300 band, fatigue into the next day, so Tuesday's
        // threshold may not stay where it is.
        var facts = Ride(Steady, History(), Day(0), hours: 4, intensity: 0.79);
        return new(facts, Steady, ReactionChecks.EasyDaysAfter(250), null,
            new PlanSuggestion(new PlanOperation(PlanOperationKind.ChangeIntensity, Day(1), WorkoutType: WorkoutType.Endurance), "Yesterday's 4 h was a big day: ride Tuesday easy.", ["dayTss"]));
    }

    private static Scenario ThreeHoursBeforeAHardTuesday()
    {
        // 3 h at IF 0.75 on Monday's rest day is TSS 169: the 150–300 band, Tuesday eased (or moved).
        var facts = Ride(Steady, History(), Day(0), hours: 3, intensity: 0.75);
        return new(facts, Steady, ReactionChecks.EasyDaysAfter(169), null,
            new PlanSuggestion(new PlanOperation(PlanOperationKind.ChangeIntensity, Day(1), WorkoutType: WorkoutType.Endurance), "Tuesday easy after Monday's 3 h.", ["dayTss", "unplannedTss"]));
    }

    private static Scenario ThreeHoursWithAPlannedRecoverySpin()
    {
        // The same 3 h in place of a planned 45-min recovery spin: still far more than planned, Tuesday eased.
        var plan = Week((DayOfWeek.Monday, WorkoutType.Recovery, 45), (DayOfWeek.Tuesday, WorkoutType.Threshold, 90), (DayOfWeek.Wednesday, WorkoutType.Endurance, 60),
            (DayOfWeek.Thursday, WorkoutType.SweetSpot, 75), (DayOfWeek.Saturday, WorkoutType.LongRide, 180), (DayOfWeek.Sunday, WorkoutType.Endurance, 120));
        var facts = Ride(plan, History(), Day(0), hours: 3, intensity: 0.75);
        return new(facts, plan, ReactionChecks.EasyDaysAfter(169), null,
            new PlanSuggestion(new PlanOperation(PlanOperationKind.ChangeIntensity, Day(1), WorkoutType: WorkoutType.Endurance), "Tuesday easy after Monday's 3 h.", ["dayTss"]));
    }

    private static Scenario AnUnplannedRaceOnTheEnduranceDay()
    {
        // Wednesday's endurance hour ridden as a 75-min race at IF 0.92 (TSS 106): under 150, but an unplanned ride at
        // IF ≥ 0.85 is the hard session, so Thursday's sweet spot is eased.
        var history = History().Concat(AsPlanned(Steady, Day(2))).ToList();
        var facts = Ride(Steady, history, Day(2), hours: 1.25, intensity: 0.92);
        return new(facts, Steady, 0, null,
            new PlanSuggestion(new PlanOperation(PlanOperationKind.ChangeIntensity, Day(3), WorkoutType: WorkoutType.Endurance), "Wednesday's race was this week's intensity.", ["intensityFactor"]));
    }

    private static Scenario AnEpicSaturday()
    {
        // Saturday's planned 3-h long ride ridden for 6 h at IF 0.88 (TSS 465): above 450, 3 easy days — next
        // Tuesday's threshold moves or eases, and no week gains anything.
        var history = History().Concat(AsPlanned(Steady, Day(5))).ToList();
        var facts = Ride(Steady, history, Day(5), hours: 6, intensity: 0.88);
        return new(facts, Steady, ReactionChecks.EasyDaysAfter(465), null,
            new PlanSuggestion(new PlanOperation(PlanOperationKind.ChangeIntensity, Day(8), WorkoutType: WorkoutType.Endurance), "Saturday's 6 h needs three easy days.", ["dayTss"]));
    }

    private static Scenario TsbMinus35AfterACampWeek()
    {
        // Six camp days of 120 TSS before the plan starts: the rider rides the camp's last day at TSB ≈ −34 (CTL ≈ 60),
        // below −30 and −0.4 × CTL. The next 2–3 days (Mon, Tue at least) are easy; Tuesday's threshold cannot stay.
        var history = History();
        var camp = Enumerable.Range(1, 6).Select(k => (Monday.AddDays(-7 + k - 1), 120.0)).ToList();
        history = [.. history.Where(r => r.Date < Monday.AddDays(-7)), .. camp];
        var facts = Ride(Steady, history, Monday.AddDays(-1), hours: 2, intensity: 0.775);
        var form = (facts.Ctl, facts.Atl);
        return new(facts, Steady, 2, form,
            new PlanSuggestion(new PlanOperation(PlanOperationKind.ChangeIntensity, Day(1), WorkoutType: WorkoutType.Recovery), "TSB is far below -30: three easy days.", ["tsbAfter"]));
    }

    private static readonly Dictionary<string, Func<Scenario>> Scenarios = new()
    {
        ["4 h on a rest day"] = FourHoursOnARestDay,
        ["3 h before a hard Tuesday"] = ThreeHoursBeforeAHardTuesday,
        ["3 h instead of a recovery spin"] = ThreeHoursWithAPlannedRecoverySpin,
        ["unplanned race on the endurance day"] = AnUnplannedRaceOnTheEnduranceDay,
        ["6 h epic Saturday"] = AnEpicSaturday,
        ["TSB -35 after a camp"] = TsbMinus35AfterACampWeek,
    };

    public static TheoryData<string, string> ScenarioEngines()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Scenarios.Keys)
        {
            foreach (var engine in Engines)
            {
                data.Add(name, engine);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioEngines))]
    public async Task The_plan_after_the_reaction_is_one_a_coach_would_sign(string name, string engine)
    {
        var scenario = Scenarios[name]();
        // The scenario must be able to fail: the plan as it stands breaks the coach's checks.
        var unchanged = ReactionChecks.Check(scenario.Plan, scenario.Plan, scenario.Facts.Date, scenario.EasyDays, scenario.Fatigued);
        var hardRide = scenario.Facts.IntensityFactor >= ReactionChecks.HardRide && !ReactionChecks.Hard(scenario.Plan, scenario.Facts.Date);
        Assert.True(unchanged.Count > 0 || hardRide, "the scenario needs no reaction");
        if (scenario.Fatigued is not null)
        {
            Assert.True(scenario.Facts.Tsb < ReactionChecks.Fatigued, $"TSB {scenario.Facts.Tsb:0.0} is not below -30");
        }

        var result = await AnalyzeAsync(scenario, engine);
        output.WriteLine($"{result.Engine}: {string.Join(" | ", result.Value.Suggestions.Select(s => s.Reason))} {result.FallbackReason}");

        var after = Approved(scenario.Plan, result.Value);
        Assert.Empty(ReactionChecks.Check(scenario.Plan, after, scenario.Facts.Date, scenario.EasyDays, scenario.Fatigued));
        if (hardRide)
        {
            // §5: the unplanned hard ride turns the next hard day (within the next days) easy — it is not moved elsewhere.
            var next = Enumerable.Range(1, 3).Select(d => scenario.Facts.Date.AddDays(d)).First(d => ReactionChecks.Hard(scenario.Plan, d));
            Assert.False(ReactionChecks.Hard(after, next));
            Assert.Equal(after.Days.Count(d => ReactionChecks.Hard(after, d.Date)), scenario.Plan.Days.Count(d => ReactionChecks.Hard(scenario.Plan, d.Date)) - 1);
        }

        Assert.Empty(FeedbackValidator.Check(result.Value, scenario.Facts, scenario.Plan));
        Assert.Equal(engine switch { "llm-good" => "llm", _ => "builtin" }, result.Engine);
        if (engine == "llm-bad")
        {
            Assert.Contains("Required reaction missing", result.FallbackReason);
            Assert.Contains("Required reaction missing", server.ChatRequests[1].MessageContents[^1]); // the one repair retry said what was missing
        }
    }

    [Fact]
    public void A_missed_tuesday_moves_to_thursday_when_the_spacing_allows()
    {
        // Tue threshold, Wed and Thu endurance, Fri rest: the check runs on Wednesday, Thursday is the next free day
        // with an easy day either side (Wednesday, Friday), in the same week.
        var plan = Week((DayOfWeek.Tuesday, WorkoutType.Threshold, 90), (DayOfWeek.Wednesday, WorkoutType.Endurance, 60), (DayOfWeek.Thursday, WorkoutType.Endurance, 60),
            (DayOfWeek.Saturday, WorkoutType.LongRide, 180), (DayOfWeek.Sunday, WorkoutType.Endurance, 120));

        var advice = MissedSessions.Advise(plan, Day(1), Day(3), RuleSet.None)!;

        var move = advice.Move!.Operation;
        Assert.Equal(Day(3), move.Date);
        Assert.Equal(plan.Day(Day(1))!.Workouts[0], move.Workout);
        var asRidden = PlanOperationApplier.Apply(plan, new PlanOperation(PlanOperationKind.AddRest, Day(1))).Plan!;
        var after = PlanOperationApplier.Apply(asRidden, move).Plan!;
        Assert.False(ReactionChecks.Hard(after, Day(2)) || ReactionChecks.Hard(after, Day(4)));
        Assert.Empty(ReactionChecks.Check(plan, after, Day(2), 0)); // no week gains a hard session or time on the plan as written
    }

    [Fact]
    public void A_missed_tuesday_is_dropped_when_no_day_of_its_week_keeps_the_spacing()
    {
        // Thursday's sweet spot stays; the rider rides Tue, Wed, Thu and Sat only: Friday and Sunday are not riding
        // days, Saturday holds the long ride. Missed work is not made up.
        var plan = Week((DayOfWeek.Tuesday, WorkoutType.Threshold, 90), (DayOfWeek.Wednesday, WorkoutType.Endurance, 60), (DayOfWeek.Thursday, WorkoutType.SweetSpot, 75),
            (DayOfWeek.Saturday, WorkoutType.LongRide, 180));
        var rules = BuiltInRuleParser.Parse("I can ride Tuesday, Wednesday, Thursday and Saturday.").Rules;

        var advice = MissedSessions.Advise(plan, Day(1), Day(3), rules)!;

        Assert.Null(advice.Move);
        Assert.Contains("not made up", advice.Verdict);
    }

    [Fact]
    public void A_missed_session_never_leaves_its_week()
    {
        // Missed on Sunday: nothing of its week is left, so it is dropped, never pushed into the next week.
        var plan = Week((DayOfWeek.Sunday, WorkoutType.Threshold, 60), (DayOfWeek.Tuesday, WorkoutType.Endurance, 60));
        Assert.Null(MissedSessions.Advise(plan, Day(6), Day(8), RuleSet.None)!.Move);
    }

    [Fact]
    public void Two_strong_20_minute_efforts_in_14_days_suggest_an_ftp_test_or_95_percent_of_the_best_20()
    {
        // FTP 260: a best 20 min of 290 W is worth 0.95 × 290 = 275.5 W, at least FTP + 3 % (267.8). It is the second such
        // ride in 14 days (Thursday's sweet spot). Sunday is the week's free day with easy days either side.
        var facts = Ride(Steady, History().Concat(AsPlanned(Steady, Day(3))).ToList(), Day(3), hours: 1.25, intensity: 0.9)
            with { Best20MinWatts = 290, StrongEffortsLast14Days = 2, DaysSinceFtpChange = 20, HardRidesSinceFtpChange = 5 };

        var check = OverPerformance.Assess(facts)!;
        var test = OverPerformance.TestDay(Steady, facts, RuleSet.None, check.Why, check.Cites)!;

        Assert.Equal(276, check.ProposedFtpWatts); // 275.5, rounded
        Assert.Equal(Day(6), test.Operation.Date);
        var workout = test.Operation.Workout!;
        Assert.Contains(workout.Steps, s => s.DurationSeconds == 20 * 60 && s.PowerLow >= 1.0); // a 20-minute all-out effort [AC]
        var after = PlanOperationApplier.Apply(Steady, test.Operation).Plan!;
        Assert.False(ReactionChecks.Hard(after, Day(5)) || ReactionChecks.Hard(after, Day(7)));
        Assert.Empty(FeedbackValidator.Check(new CoachFeedback("s", [], [], [test]), facts, Steady));

        // One strong effort is not enough; nor are two below FTP + 3 % (0.95 × 280 = 266 < 267.8).
        Assert.Null(OverPerformance.Assess(facts with { StrongEffortsLast14Days = 1 }));
        Assert.Null(OverPerformance.Assess(facts with { Best20MinWatts = 280 }));
    }

    [Fact]
    public void An_hour_above_ftp_or_six_weeks_of_hard_work_since_the_last_change_suggest_a_test()
    {
        var facts = Ride(Steady, History(), Day(1), hours: 1.1, intensity: 1.02) with { Best60MinWatts = 266, DaysSinceFtpChange = 20, HardRidesSinceFtpChange = 2 };
        Assert.Equal(266, OverPerformance.Assess(facts)!.ProposedFtpWatts); // FTP ≈ the best hour [AC]

        var stale = Ride(Steady, History(), Day(1), hours: 1.5, intensity: 0.9) with { DaysSinceFtpChange = 43, HardRidesSinceFtpChange = 4 };
        var check = OverPerformance.Assess(stale)!;
        Assert.Null(check.ProposedFtpWatts); // a test, no number
        Assert.Null(OverPerformance.Assess(stale with { DaysSinceFtpChange = 42 })); // 6 weeks is not more than 6 weeks
        Assert.Null(OverPerformance.Assess(stale with { HardRidesSinceFtpChange = 1 }));
    }

    [Theory]
    [InlineData("builtin")]
    [InlineData("llm-good")]
    public async Task Four_hours_at_if_1_27_asks_whether_the_ftp_or_the_file_is_wrong(string engine)
    {
        // 4 h at IF 1.27 (FTP 260, NP 330): TSS 645 would mean 3 easy days — but nobody holds IF above 1.05 for an
        // hour [IF], so the ride is held out of the load and the coach asks instead of reacting.
        var projection = new WorkoutProjection { WorkoutId = Guid.NewGuid(), Name = "Ride", DurationSeconds = 4 * 3600, IntensityFactor = 1.27 };
        projection.CheckPlausibility();
        Assert.Equal(RideLoadState.Held, projection.LoadState);

        var facts = Ride(Steady, History(), Day(0), hours: 4, intensity: 1.27) with { LoadHeld = true, Best60MinWatts = 345 };
        Assert.Empty(Reactions.Assess(facts, Steady).EasyDays);

        // The canned LLM answer eases Tuesday anyway: allowed, though nothing requires it.
        var scenario = new Scenario(facts, Steady, 0, null, new PlanSuggestion(new PlanOperation(PlanOperationKind.ChangeIntensity, Day(1), WorkoutType: WorkoutType.Endurance), "Easy after a hard day.", ["ftpWatts"]));
        var feedback = await AnalyzeAsync(scenario, engine);
        var result = new AnalysisResult(facts, feedback, null, DataQuestion.For(facts), Context(facts, Steady));

        Assert.Contains(result.StoredFeedback.Improvements, c => c.Text.Contains("FTP of 260 W is too low") && c.Text.Contains("power data is wrong"));
        var answers = result.Suggestions().Where(s => s.OneOf is not null).ToList();
        Assert.Equal([SuggestionKind.Thresholds, SuggestionKind.ExcludeRide], answers.Select(s => s.Kind));
        Assert.Single(answers.Select(s => s.OneOf).Distinct());
        var proposed = answers[0].Thresholds!.FtpWatts!.Value;
        Assert.Equal(345, proposed); // the best hour, which makes the ride possible: NP 330 / 345 = IF 0.96
        Assert.True(Ftp * 1.27 / proposed <= 1.05);
        Assert.Equal(facts.Date, answers[0].Thresholds!.EffectiveFrom);
    }

    private async Task<EngineResult<CoachFeedback>> AnalyzeAsync(Scenario scenario, string engine)
    {
        var context = Context(scenario.Facts, scenario.Plan);
        List<ICoachEngine> engines = [new BuiltInCoachEngine()];
        await using var host = engine == "builtin" ? null : AiHost.Create(server);
        if (host is not null)
        {
            var praise = new CoachFeedback("Great ride, keep it up.", [new CoachClaim("Strong ride.", ["durationSeconds"])], [], []);
            var answer = engine == "llm-good"
                ? praise with { Improvements = [new CoachClaim("A big day.", ["trainingStressScore"])], Suggestions = [scenario.CoachAnswer] }
                : praise;
            server.Reply(FakeReply.Content(CoachJson.Serialize(answer)), FakeReply.Content(CoachJson.Serialize(answer)));
            engines.Add(host.Get<LlmCoachEngine>());
        }

        return await new CoachEngines(engines, NullLogger<CoachEngines>.Instance).RunAsync(
            (e, ct) => e.AnalyzeAsync(context, ct), f => FeedbackValidator.Check(f, scenario.Facts, scenario.Plan), CancellationToken.None);
    }
}
