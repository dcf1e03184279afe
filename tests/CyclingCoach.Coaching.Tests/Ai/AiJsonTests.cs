using System.Text.Json;
using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Coach.Analyses;
using CyclingCoach.Coaching.Coach.Plans;
using CyclingCoach.Coaching.Data;

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
        Assert.Equal(["date", "workouts"], Names(day.GetProperty("properties")));
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
