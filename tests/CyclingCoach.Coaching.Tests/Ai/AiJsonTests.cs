using System.Text.Json;
using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Tests.Ai;

public sealed class AiJsonTests
{
    [Fact]
    public void The_wire_schema_leaves_out_computed_properties_and_requires_the_rest()
    {
        var plan = AiJson.WireSchema(typeof(TrainingPlan));

        Assert.Equal(["startDate", "focus", "weeks", "notes"], Names(plan.GetProperty("properties")));
        Assert.Equal(["startDate", "focus", "weeks", "notes"], plan.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(plan.GetProperty("additionalProperties").GetBoolean());
        var day = plan.GetProperty("properties").GetProperty("weeks").GetProperty("items").GetProperty("properties").GetProperty("days").GetProperty("items");
        // event is stamped from the rules whatever the model writes; the week's phase is the model's to say.
        Assert.Equal(["date", "workouts", "event"], Names(day.GetProperty("properties")));
        Assert.Contains("phase", Names(plan.GetProperty("properties").GetProperty("weeks").GetProperty("items").GetProperty("properties")));
        var step = day.GetProperty("properties").GetProperty("workouts").GetProperty("items").GetProperty("properties").GetProperty("steps").GetProperty("items");
        Assert.DoesNotContain("totalSeconds", Names(step.GetProperty("properties")));
        Assert.DoesNotContain("\"default\"", plan.GetRawText());
        Assert.Contains("sweet_spot", Enum(day.GetProperty("properties").GetProperty("workouts").GetProperty("items").GetProperty("properties").GetProperty("type")));
    }

    [Fact]
    public void The_check_schema_requires_only_what_deserialization_needs()
    {
        var plan = AiJson.CheckSchema(typeof(TrainingPlan));

        // notes has a default (null): a model that leaves it out still gives a usable plan.
        Assert.Equal(["startDate", "focus", "weeks"], plan.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>
    /// Microsoft.Extensions.AI's schema bounds no list by itself, so an empty plan validated; the plan's lists carry
    /// their bounds into both schemas: 1–8 weeks, 7 days a week, at least one step a workout.
    /// </summary>
    [Fact]
    public void Both_plan_schemas_bound_the_lists_a_plan_cannot_do_without()
    {
        foreach (var plan in new[] { AiJson.WireSchema(typeof(TrainingPlan)), AiJson.CheckSchema(typeof(TrainingPlan)) })
        {
            var weeks = plan.GetProperty("properties").GetProperty("weeks");
            Assert.Equal((1, 8), (weeks.GetProperty("minItems").GetInt32(), weeks.GetProperty("maxItems").GetInt32()));
            var days = weeks.GetProperty("items").GetProperty("properties").GetProperty("days");
            Assert.Equal((7, 7), (days.GetProperty("minItems").GetInt32(), days.GetProperty("maxItems").GetInt32()));
            var steps = days.GetProperty("items").GetProperty("properties").GetProperty("workouts").GetProperty("items").GetProperty("properties").GetProperty("steps");
            Assert.Equal(1, steps.GetProperty("minItems").GetInt32());
        }
    }

    [Theory]
    [InlineData("""{"startDate": "2026-12-07", "focus": "build", "weeks": []}""", "$.weeks: has 0 items, at least 1 needed")]
    [InlineData("""{"startDate": "2026-12-07", "focus": "build", "weeks": [{"weekNumber": 1, "focus": "x", "days": []}]}""", "$.weeks[0].days: has 0 items, at least 7 needed")]
    [InlineData("""{"days": []}""", "$.startDate: required property is missing")]
    public void An_empty_plan_fails_the_schema_check(string json, string error)
    {
        using var answer = JsonDocument.Parse(json);

        Assert.Contains(error, JsonSchemaCheck.Validate(AiJson.CheckSchema(typeof(TrainingPlan)), answer.RootElement));
    }

    [Fact]
    public void Schema_check_lists_every_error_with_its_path()
    {
        var schema = AiJson.CheckSchema(typeof(CoachFeedback));
        using var answer = JsonDocument.Parse("""
            {"summary": 3, "strengths": [{"text": "Good pacing"}], "improvements": [],
             "suggestions": [{"operation": {"kind": "teleport", "date": "2026-12-02"}, "reason": "r", "cites": ["tsb"]}]}
            """);

        var errors = JsonSchemaCheck.Validate(schema, answer.RootElement);

        Assert.Contains("$.summary: expected string, got number", errors);
        Assert.Contains("$.strengths[0].cites: required property is missing", errors);
        Assert.Contains(errors, e => e.StartsWith("$.suggestions[0].operation.kind: \"teleport\" is not one of \"move\", \"swap\"", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void A_valid_answer_passes_the_schema_check()
    {
        var feedback = new CoachFeedback("Solid ride.", [new CoachClaim("Steady pacing", ["intensityFactor"])], [],
            [new PlanSuggestion(new PlanOperation(PlanOperationKind.Shorten, new DateOnly(2026, 12, 3), DurationSeconds: 3600), "Tired", ["tsb"])]);
        using var answer = JsonDocument.Parse(CoachJson.Serialize(feedback));

        Assert.Empty(JsonSchemaCheck.Validate(AiJson.CheckSchema(typeof(CoachFeedback)), answer.RootElement));
    }

    private static IEnumerable<string> Names(JsonElement properties) => properties.EnumerateObject().Select(p => p.Name).ToList();

    private static IEnumerable<string?> Enum(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()).ToList();
}
