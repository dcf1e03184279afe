using CyclingCoach.Routes.Analysis;
using CyclingCoach.Routes.Data;
using CyclingCoach.Training.Routes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Routes.Apis;

/// <summary>
/// <c>GET /api/routes/{id}/pacing</c>: the pacing plan (target power and split per section, gearing check per climb,
/// what 1 kg less or 10 W more changes) for the rider profile Routes holds, with optional overrides for a what-if.
/// Computed on request from the stored points; nothing is written.
/// </summary>
public static class RoutePacingEndpoint
{
    public static async Task<Results<Ok<PacingResponse>, ValidationProblem, NotFound>> GetPacing(
        RoutesDbContext db, Guid id, double? ftpWatts, double? weightKg, double? minCadenceRpm, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Range(errors, "ftpWatts", ftpWatts, 50, 700, "W");
        Range(errors, "weightKg", weightKg, 30, 200, "kg");
        Range(errors, "minCadenceRpm", minCadenceRpm, 30, 130, "rpm");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var route = await db.Routes.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Name, r.ProfileVersion }).FirstOrDefaultAsync(cancellationToken);
        var stored = await db.RoutePoints.AsNoTracking().Where(p => p.RouteId == id).Select(p => p.Data).FirstOrDefaultAsync(cancellationToken);
        if (route is null || stored is null)
        {
            return TypedResults.NotFound();
        }

        var profile = await db.RiderProfile.AsNoTracking().SingleAsync(cancellationToken);
        var rider = RiderProfiles.ToRider(profile);
        rider = rider with
        {
            FtpWatts = ftpWatts ?? rider.FtpWatts,
            RiderMassKg = weightKg ?? rider.RiderMassKg,
            MinCadenceRpm = minCadenceRpm ?? rider.MinCadenceRpm,
        };
        var plan = RouteEstimator.Pace(RoutePointCodec.Decode(stored), rider);
        return TypedResults.Ok(PacingResponse.From(id, route.Name, profile.Version, ftpWatts is not null || weightKg is not null || minCadenceRpm is not null, rider, plan));
    }

    private static void Range(Dictionary<string, string[]> errors, string name, double? value, double min, double max, string unit)
    {
        if (value is { } v && !(v >= min && v <= max))
        {
            errors[name] = [$"{name} must be between {min} and {max} {unit}."];
        }
    }
}
