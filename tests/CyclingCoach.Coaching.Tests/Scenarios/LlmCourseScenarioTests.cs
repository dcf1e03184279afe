using CyclingCoach.Coaching.Coach.Courses;
using CyclingCoach.Coaching.Coach.Plans;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Engines.BuiltIn;
using CyclingCoach.Coaching.Engines.Llm;
using CyclingCoach.Coaching.Planning;
using CyclingCoach.Coaching.Tests.Ai;
using Microsoft.Extensions.Logging.Abstractions;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// The LLM engine and the A event's course (<see cref="CourseScenarioTests"/>' Col Sportive), generated as the service
/// generates: the prompt gives the model the course and its key climbs; an answer that prepares for them (named with
/// <c>preparesFor</c>) is taken; one that ignores the course is refused by the same judgement and the built-in
/// coach's plan, which prepares for it, is taken instead.
/// </summary>
public sealed class LlmCourseScenarioTests : IAsyncLifetime
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

    [Fact]
    public async Task The_prompt_holds_the_course_and_an_answer_that_prepares_for_it_is_taken()
    {
        var course = CourseScenarioTests.Course();
        var (_, context) = CourseScenarioTests.EventOnTheCourse(course);
        var answer = PlanValidator.Repair(BuiltInPlanGenerator.Generate(context), context.Rules).Plan;

        var (generated, review, prompt) = await GenerateAsync(context, answer, answer);

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

        var (generated, review, _) = await GenerateAsync(context, ignoring, ignoring);

        Assert.Equal("builtin", generated.Engine);
        Assert.Contains("no session holds an effort at the power of its key climbs", generated.FallbackReason);
        Assert.Contains("Col Sportive", generated.FallbackReason);
        Assert.DoesNotContain(review.Judgement, v => v.Severity == ViolationSeverity.Error);
        Assert.Contains(generated.Value.Days.SelectMany(d => d.Workouts), w => course.KeyClimbs.Any(c => w.PreparesFor == course.Describe(c) && CourseSessions.Matches(w, course, c)));
    }

    private async Task<(EngineResult<TrainingPlan> Generated, PlanReview Review, string Prompt)> GenerateAsync(PlanContext context, params TrainingPlan[] replies)
    {
        server.Clear().Reply([.. replies.Select(p => FakeReply.Content(CoachJson.Serialize(PlanAnswer.From(p))))]);
        server.Otherwise = FakeReply.Status(400);
        var engines = new CoachEngines([new BuiltInCoachEngine(), host.Get<LlmCoachEngine>()], NullLogger<CoachEngines>.Instance);
        var (generated, review) = await PlanService.GenerateJudgedAsync(engines, context, CancellationToken.None);
        return (generated, review, string.Join("\n", server.ChatRequests[0].MessageContents));
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text, Coaching.Ai.AiJson.Options);
}
