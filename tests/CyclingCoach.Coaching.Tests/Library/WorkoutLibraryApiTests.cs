using CyclingCoach.Coaching.Apis;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Coaching.Tests.Library;

/// <summary>GET /api/coach/workouts/library: the endpoint's own logic (filters, errors), without a database.</summary>
public sealed class WorkoutLibraryApiTests
{
    private static IReadOnlyList<LibraryWorkoutResponse> Ok(string? type, int? min, int? max) =>
        Assert.IsType<Ok<IReadOnlyList<LibraryWorkoutResponse>>>(WorkoutLibraryApi.List(type, min, max).Result).Value!;

    [Fact]
    public void Without_filters_every_session_is_listed_shortest_first()
    {
        var all = Ok(null, null, null);

        Assert.Equal(WorkoutCatalogue.All.Count, all.Count);
        Assert.Equal(all.OrderBy(w => w.DurationSeconds).Select(w => w.DurationSeconds), all.Select(w => w.DurationSeconds));
    }

    [Theory]
    [InlineData("over_unders", null, null)]
    [InlineData("race_simulation", 60, 90)]
    [InlineData("SweetSpot", 60, 75)]
    [InlineData("vo2_max", null, 55)]
    public void A_category_filters_by_category_and_minutes_bound_the_length(string type, int? min, int? max)
    {
        var found = Ok(type, min, max);

        Assert.NotEmpty(found);
        var category = Enum.GetValues<LibraryCategory>().Single(c => string.Equals(c.ToString(), type.Replace("_", ""), StringComparison.OrdinalIgnoreCase));
        Assert.All(found, w => Assert.Equal(category, w.Category));
        Assert.All(found, w => Assert.InRange(w.DurationSeconds, (min ?? 0) * 60, (max ?? 10_000) * 60));
        Assert.Equal(WorkoutCatalogue.All.Count(w => w.Category == category && w.DurationSeconds >= (min ?? 0) * 60 && w.DurationSeconds <= (max ?? 10_000) * 60), found.Count);
    }

    [Fact]
    public void A_workout_type_that_is_not_a_category_filters_by_what_the_plan_counts_the_session_as()
    {
        // "threshold" names a category (which wins); "sprint" only a workout type.
        Assert.All(Ok("threshold", null, null), w => Assert.Equal(LibraryCategory.Threshold, w.Category));
        var sprint = Ok("sprint", null, null);

        Assert.NotEmpty(sprint);
        Assert.Equal(WorkoutCatalogue.All.Count(w => w.Type == WorkoutType.Sprint), sprint.Count);
    }

    [Theory]
    [InlineData("zone9", null, null, "type")]
    [InlineData(null, -5, null, "minMinutes")]
    [InlineData(null, 90, 60, "minMinutes")]
    public void Bad_filters_are_a_validation_problem_naming_the_parameter(string? type, int? min, int? max, string field)
    {
        var problem = Assert.IsType<ValidationProblem>(WorkoutLibraryApi.List(type, min, max).Result);

        Assert.Contains(field, problem.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public void One_session_by_id_and_its_files_or_404()
    {
        Assert.Equal("sweet-spot-2x20", Assert.IsType<Ok<LibraryWorkoutResponse>>(WorkoutLibraryApi.Get("sweet-spot-2x20").Result).Value!.Id);
        Assert.IsType<NotFound>(WorkoutLibraryApi.Get("nope").Result);
        Assert.Equal("sweet-spot-2x20.zwo", Assert.IsType<FileContentHttpResult>(WorkoutLibraryApi.DownloadZwo("sweet-spot-2x20").Result).FileDownloadName);
        Assert.IsType<NotFound>(WorkoutLibraryApi.DownloadFit(TimeProvider.System, "nope").Result);
    }
}
