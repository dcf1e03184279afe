using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CyclingCoach.Fakes.Garmin;

/// <summary>What a test outside this process (the web end-to-end tier) needs from the fake: a token pair Garmin would
/// have issued, in the shape a rider pastes (python-garminconnect's <c>garmin_tokens.json</c>), and the knobs for the
/// failures it wants to see. Not part of Garmin's API: the paths start with <c>/__fake</c>.</summary>
public sealed partial class FakeGarmin
{
    private void MapControls()
    {
        app.MapPost("/__fake/tokens", () => Results.Json(IssueTokens().PgcTokens()));
        app.MapPost("/__fake/login-rate-limited/{on:bool}", (bool on) =>
        {
            Knobs.LoginRateLimited = on;
            return Results.NoContent();
        });
    }
}
