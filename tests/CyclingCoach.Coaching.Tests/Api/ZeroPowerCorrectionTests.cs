using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>
/// A ride first projected with a dead power meter's zeros as its power (TSS 0, average 0 W), then corrected by Sync
/// (issue: all-zero power is no power): Sync sends the ride again as <see cref="WorkoutImported"/> and a
/// <see cref="WorkoutMetricsRecalculated"/>, in either order. One projection, its load the HRSS, no average power.
/// </summary>
public sealed class ZeroPowerCorrectionTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_corrected_ride_replaces_its_zero_load_in_place(bool importedFirst)
    {
        var id = Guid.NewGuid();
        var date = DateOnly.FromDateTime(DateTime.Now).AddDays(importedFirst ? -12 : -13);
        var start = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 23)), TimeSpan.Zero);
        WorkoutImported Ride(double? averagePower, WorkoutMetrics metrics) =>
            new(id, WorkoutSource.File, "nick", "Cycling", "cycling", start, 16_724, 113_551, averagePower, 143, metrics);

        var zeros = new WorkoutMetrics(0, 0, 0, 241, 0, 588, 250, 165, 0, "power", [new(5, 0), new(60, 0)], [16_724, 0, 0, 0, 0, 0, 0]);
        await fixture.Publisher.Publish(Ride(0, zeros));
        await WaitForLoadAsync(date, 0, id);

        var corrected = new WorkoutMetrics(null, null, null, 241, null, 588, null, 165, 241, "heart_rate");
        var recalculated = new WorkoutMetricsRecalculated(id, corrected, 1, DateTimeOffset.UtcNow);
        if (importedFirst)
        {
            await fixture.Publisher.Publish(Ride(null, corrected));
            await fixture.Publisher.Publish(recalculated);
        }
        else
        {
            await fixture.Publisher.Publish(recalculated);
            await fixture.Publisher.Publish(Ride(null, corrected));
        }

        await WaitForLoadAsync(date, 241, id);
        var rides = await Eventually.WaitAsync(
            () => client.GetJsonAsync("/api/coach/workouts?pageSize=200"),
            p => p.GetProperty("items").EnumerateArray().Any(w => w.GetProperty("workoutId").GetGuid() == id && w.GetProperty("averagePower").ValueKind == JsonValueKind.Null),
            TimeSpan.FromSeconds(30));
        var ride = Assert.Single(rides.GetProperty("items").EnumerateArray(), w => w.GetProperty("workoutId").GetGuid() == id);
        Assert.Equal(JsonValueKind.Null, ride.GetProperty("trainingStressScore").ValueKind);

        // No best power from a meter that measured nothing.
        var curve = await client.GetJsonAsync("/api/coach/fitness/power-curve");
        Assert.DoesNotContain(curve.GetProperty("windows").EnumerateArray().SelectMany(w => w.GetProperty("points").EnumerateArray()),
            p => p.TryGetProperty("workoutId", out var w) && w.GetGuid() == id);
    }

    private async Task WaitForLoadAsync(DateOnly date, double load, Guid id)
    {
        await Eventually.WaitAsync(
            () => client.GetJsonAsync("/api/coach/workouts?pageSize=200"),
            p => p.GetProperty("items").EnumerateArray().Any(w => w.GetProperty("workoutId").GetGuid() == id),
            TimeSpan.FromSeconds(30));
        var fitness = await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/fitness?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}"),
            f => f.GetProperty("days")[0].GetProperty("load").GetDouble() == load,
            TimeSpan.FromSeconds(30));
        Assert.Equal(load, fitness.GetProperty("days")[0].GetProperty("load").GetDouble());
    }
}
