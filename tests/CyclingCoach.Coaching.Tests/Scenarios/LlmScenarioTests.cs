using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Courses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Engines.BuiltIn;
using CyclingCoach.Coaching.Engines.Llm;
using CyclingCoach.Coaching.Plans;
using CyclingCoach.Coaching.Tests.Ai;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// The LLM engine (through the real OpenAI SDK against the fake server) through the same rider archetypes and the same
/// coach's checks, generated the way the service generates (<see cref="PlanService.GenerateJudgedAsync"/>): a good
/// answer is taken unchanged; every bad answer is caught — refused by the schema, the validator or the judgement, or
/// given up on after the server's 500s — and the built-in coach's plan taken instead, with the reason kept.
/// </summary>
public sealed class LlmScenarioTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeOpenAiServer server = null!;
    private AiHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAiServer.StartAsync();
        host = AiHost.Create(server);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var rider in Riders.All)
        {
            foreach (var kind in CannedAnswers.Bad.Prepend(CannedAnswers.Good))
            {
                cases.Add(rider.Name, kind);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_answer_is_taken_only_when_a_coach_would_sign_it(string name, string kind)
    {
        var rider = Riders.All.Single(r => r.Name == name);
        var outcome = await AskAsync(rider, kind);
        if (outcome is null)
        {
            output.WriteLine($"{kind} does not apply to {name}'s plan");
            return;
        }

        var (generated, review, good, asked) = outcome.Value;
        output.WriteLine($"{generated.Engine}: {generated.FallbackReason}");
        Assert.Empty(CoachChecks.Check(rider, review.Repaired.Plan));
        Assert.DoesNotContain(review.Judgement, v => v.Severity == ViolationSeverity.Error);
        if (kind == CannedAnswers.Good)
        {
            Assert.Equal(("llm", (string?)null), (generated.Engine, generated.FallbackReason));
            Assert.Equal(CoachJson.Serialize(good), CoachJson.Serialize(review.Repaired.Plan));
            Assert.Empty(review.Repaired.Repairs);
            return;
        }

        // Caught, visibly: refused (the built-in coach answered and the reason says what was wrong), or repaired to the
        // rider's caps with the repairs listed (an over-ramp the weekly cap cuts back).
        if (generated.Engine == "llm")
        {
            Assert.Equal(CannedAnswers.OverRamp, kind);
            Assert.Contains(review.Repaired.Repairs, r => r.Contains("may hold at most", StringComparison.Ordinal) || r.Contains("cap is", StringComparison.Ordinal));
            return;
        }

        Assert.Equal("builtin", generated.Engine);
        Assert.True(Expected(kind).Any(generated.FallbackReason!.Contains), generated.FallbackReason);
        Assert.True(asked >= 1);
    }

    /// <summary>
    /// The pass rate per engine over every archetype (bench/RESULTS.md records it): the built-in coach's plan against
    /// every check of <see cref="CoachChecks"/> and the judgement; the LLM engine's good answer taken unchanged and
    /// passing them, and each bad answer caught with what is stored passing them.
    /// </summary>
    [Fact]
    public async Task Scenario_pass_rate_per_engine()
    {
        var checks = CoachChecks.Names.ToDictionary(n => n, _ => (Passed: 0, Total: 0));
        var (builtInPassed, builtInTotal, llmPassed, llmTotal) = (0, 0, 0, 0);
        foreach (var rider in Riders.All)
        {
            // A fresh host per rider: over a hundred scripted failures in a row would open the HTTP circuit breaker.
            await host.DisposeAsync();
            host = AiHost.Create(server);
            var context = rider.Context();
            var plan = PlanValidator.Repair(BuiltInPlanGenerator.Generate(context), context.Rules).Plan;
            var findings = CoachChecks.Check(rider, plan);
            foreach (var name in CoachChecks.Names)
            {
                var (passed, total) = checks[name];
                checks[name] = (passed + (findings.Any(f => f.Check == name) ? 0 : 1), total + 1);
            }

            builtInTotal++;
            builtInPassed += findings.Count == 0 && !PlanJudgement.Judge(plan, context).Any(v => v.Severity == ViolationSeverity.Error) ? 1 : 0;
            foreach (var kind in CannedAnswers.Bad.Prepend(CannedAnswers.Good))
            {
                if (await AskAsync(rider, kind) is not { } outcome)
                {
                    continue;
                }

                var (generated, review, good, _) = outcome;
                var stored = review.Repaired.Plan;
                var taken = kind == CannedAnswers.Good
                    ? generated.Engine == "llm" && CoachJson.Serialize(stored) == CoachJson.Serialize(good)
                    : generated.Engine == "builtin" || review.Repaired.Repairs.Count > 0;
                llmTotal++;
                llmPassed += taken && CoachChecks.Check(rider, stored).Count == 0 ? 1 : 0;
            }
        }

        output.WriteLine($"built-in coach: {builtInPassed} of {builtInTotal} archetypes pass every check ({100.0 * builtInPassed / builtInTotal:0} %)");
        output.WriteLine($"LLM engine: {llmPassed} of {llmTotal} canned answers handled as a coach would ({100.0 * llmPassed / llmTotal:0} %): good taken unchanged, bad caught");
        output.WriteLine(string.Join("; ", checks.Select(c => $"{c.Key} {c.Value.Passed}/{c.Value.Total}")));
        Assert.Equal((builtInTotal, llmTotal), (builtInPassed, llmPassed));
    }

    /// <summary>What the fallback reason must say for each bad answer: the check that caught it.</summary>
    private static string[] Expected(string kind) => kind switch
    {
        CannedAnswers.Detraining => ["would detrain the rider"],
        CannedAnswers.EmptyDays => ["has no session although"],
        CannedAnswers.EmptyObject => ["required property is missing"],
        // Over a cap the repair cuts week 1 back first; what it leaves is judged (a jump, or days left free for long sessions).
        CannedAnswers.OverRamp => ["over the biggest of the weeks before it", "use the days before lengthening sessions"],
        CannedAnswers.NoRecoveryWeek => ["lighter week"],
        CannedAnswers.SchemaViolating => ["at least 7 needed"],
        CannedAnswers.ServerError => ["HTTP 500"],
        CannedAnswers.UnknownLibraryId => ["\"sweet-spot-9x99\" is not in the workout library"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Generates <paramref name="rider"/>'s plan with the LLM engine answering <paramref name="kind"/>; null when the kind
    /// does not apply. The good answer is the built-in coach's plan for the rider, as a model that plans well would give.
    /// </summary>
    public async Task<(EngineResult<TrainingPlan> Generated, PlanReview Review, TrainingPlan Good, int Asked)?> AskAsync(Rider rider, string kind)
    {
        var context = rider.Context();
        var good = PlanValidator.Repair(BuiltInPlanGenerator.Generate(context), context.Rules).Plan;
        if (CannedAnswers.Replies(kind, good) is not { } replies)
        {
            return null;
        }

        server.Clear().Reply(replies);
        server.Otherwise = FakeReply.Status(400);
        var before = server.ChatRequests.Count;
        var engines = new CoachEngines([new BuiltInCoachEngine(), host.Get<LlmCoachEngine>()], NullLogger<CoachEngines>.Instance);
        var (generated, review) = await PlanService.GenerateJudgedAsync(engines, context, CancellationToken.None);
        return (generated, review, good, server.ChatRequests.Count - before);
    }

    // The A event's course (CourseScenarioTests' Col Sportive): the prompt gives the model the course and its key climbs;
    // an answer that prepares for them (named with preparesFor) is taken; one that ignores the course is refused by the
    // same judgement and the built-in coach's plan, which prepares for it, is taken instead.
    [Fact]
    public async Task The_prompt_holds_the_course_and_an_answer_that_prepares_for_it_is_taken()
    {
        var course = CourseScenarioTests.Course();
        var (_, context) = CourseScenarioTests.EventOnTheCourse(course);
        var answer = PlanValidator.Repair(BuiltInPlanGenerator.Generate(context), context.Rules).Plan;

        var (generated, review, prompt) = await GenerateCourseAsync(context, answer, answer);

        // The model was told the event, the course, each key climb with its power and the words to name it by.
        Assert.Contains("Col Sportive", prompt);
        Assert.Contains("\"keyClimbs\"", prompt);
        Assert.Contains("preparesFor", prompt);
        foreach (var climb in course.KeyClimbs)
        {
            Assert.Contains(Json(course.Describe(climb)), prompt);
            Assert.Contains($"\"powerFraction\":{Math.Round(course.Fraction(climb), 2):0.##}", prompt);
        }

        Assert.Equal(("llm", (string?)null), (generated.Engine, generated.FallbackReason));
        Assert.DoesNotContain(review.Judgement, v => v.Severity == ViolationSeverity.Error);
        // The stored plan keeps what each session prepares for, and its efforts match the climbs they name.
        var prepared = generated.Value.Days.SelectMany(d => d.Workouts).Where(w => w.PreparesFor is not null && w.Type != WorkoutType.LongRide).ToList();
        Assert.NotEmpty(prepared);
        Assert.All(prepared, w => Assert.Contains(course.KeyClimbs, c => w.PreparesFor == course.Describe(c) && CourseSessions.Matches(w, course, c)));
        Assert.Contains(generated.Value.Days.SelectMany(d => d.Workouts), w => w.Type == WorkoutType.LongRide && w.PreparesFor == course.WholeCourse);
    }

    [Fact]
    public async Task An_answer_that_ignores_the_course_is_refused_into_the_built_in_plan()
    {
        var course = CourseScenarioTests.Course();
        var (_, context) = CourseScenarioTests.EventOnTheCourse(course);
        var (_, general) = CourseScenarioTests.EventOnTheCourse(null);
        // A plan a coach would sign without the course, answered twice (the repair retry gets the same plan again).
        var ignoring = PlanValidator.Repair(BuiltInPlanGenerator.Generate(general), general.Rules).Plan;

        var (generated, review, _) = await GenerateCourseAsync(context, ignoring, ignoring);

        Assert.Equal("builtin", generated.Engine);
        Assert.Contains("no session holds an effort at the power of its key climbs", generated.FallbackReason);
        Assert.Contains("Col Sportive", generated.FallbackReason);
        Assert.DoesNotContain(review.Judgement, v => v.Severity == ViolationSeverity.Error);
        Assert.Contains(generated.Value.Days.SelectMany(d => d.Workouts), w => course.KeyClimbs.Any(c => w.PreparesFor == course.Describe(c) && CourseSessions.Matches(w, course, c)));
    }

    private async Task<(EngineResult<TrainingPlan> Generated, PlanReview Review, string Prompt)> GenerateCourseAsync(PlanContext context, params TrainingPlan[] replies)
    {
        server.Clear().Reply([.. replies.Select(p => FakeReply.Content(CoachJson.Serialize(PlanAnswer.From(p))))]);
        server.Otherwise = FakeReply.Status(400);
        var engines = new CoachEngines([new BuiltInCoachEngine(), host.Get<LlmCoachEngine>()], NullLogger<CoachEngines>.Instance);
        var (generated, review) = await PlanService.GenerateJudgedAsync(engines, context, CancellationToken.None);
        return (generated, review, string.Join("\n", server.ChatRequests[0].MessageContents));
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text, Coaching.Ai.AiJson.Options);
}
