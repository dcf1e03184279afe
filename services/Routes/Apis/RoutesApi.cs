using CyclingCoach.ServiceDefaults;
using CyclingCoach.Routes.Analysis;
using CyclingCoach.Routes.Data;
using CyclingCoach.Routes.Library;
using CyclingCoach.Routes.Model;
using CyclingCoach.Routes.Options;
using CyclingCoach.Routes.Storage;
using CyclingCoach.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Routes.Apis;

public static class RoutesApi
{
    public static IEndpointRouteBuilder MapRoutesApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<RoutesOptions>>().Value;
        var api = app.MapGroup("/api/routes").WithTags("Routes");
        api.MapGet("/", ListRoutes).WithName("ListRoutes")
            .WithSummary("List routes (sort=name|distance|gain|created, desc; default newest first)");
        api.MapPost("/", UploadRouteEndpoint.Upload).WithName("UploadRoute")
            .WithSummary("Upload a GPX route (multipart 'file', optional 'name')")
            .WithDescription("Validates, stores the file content-addressed, analyses it, stores route and sections and publishes RouteAnalyzed in one transaction.")
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(options.ToUploadLimits().MaxBodyBytes))
            .DisableAntiforgery();
        api.MapGet("/{id:guid}", GetRoute).WithName("GetRoute")
            .WithSummary("A route with summary, simplified track (GeoJSON), elevation profile and sections");
        api.MapPatch("/{id:guid}", RenameRoute).WithName("RenameRoute").WithSummary("Rename a route");
        api.MapDelete("/{id:guid}", DeleteRoute).WithName("DeleteRoute").WithSummary("Delete a route and its GPX file");
        api.MapGet("/{id:guid}/gpx", DownloadGpx).WithName("DownloadRouteGpx").WithSummary("The original GPX file");
        api.MapGet("/{id:guid}/pacing", RoutePacingEndpoint.GetPacing).WithName("GetRoutePacing")
            .WithSummary("Pacing plan: target power and split per section, gearing check per climb, 1 kg less / 10 W more")
            .WithDescription("For the rider profile Routes holds; ftpWatts, weightKg and minCadenceRpm override it for a what-if. Nothing is stored.");
        api.MapPost("/{id:guid}/reanalyze", Reanalyze).WithName("ReanalyzeRoute")
            .WithSummary("Re-analyse the stored file with the current rider profile");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<RouteResponse>>, ValidationProblem>> ListRoutes(
        RoutesDbContext db, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        var key = (sort ?? "created").ToLowerInvariant();
        if (key is not ("name" or "distance" or "gain" or "created"))
        {
            errors["sort"] = ["sort must be one of name, distance, gain, created."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Default direction: newest first for created, ascending otherwise.
        var descending = desc ?? key == "created";
        IQueryable<StoredRoute> query = db.Routes.AsNoTracking();
        query = (key, descending) switch
        {
            ("name", false) => query.OrderBy(r => r.Name).ThenBy(r => r.Id),
            ("name", true) => query.OrderByDescending(r => r.Name).ThenByDescending(r => r.Id),
            ("distance", false) => query.OrderBy(r => r.DistanceMeters).ThenBy(r => r.Id),
            ("distance", true) => query.OrderByDescending(r => r.DistanceMeters).ThenByDescending(r => r.Id),
            ("gain", false) => query.OrderBy(r => r.ElevationGainMeters ?? 0).ThenBy(r => r.Id),
            ("gain", true) => query.OrderByDescending(r => r.ElevationGainMeters ?? 0).ThenByDescending(r => r.Id),
            (_, false) => query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            _ => query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
        };

        var total = await db.Routes.CountAsync(cancellationToken);
        var items = await query
            .Select(r => new RouteResponse(r.Id, r.Name, r.DistanceMeters, r.ElevationGainMeters, r.ElevationLossMeters, r.MaxGradePercent,
                r.EstimatedSeconds, r.ProfileVersion, r.CreatedAt.AsUtcOffset(), r.AnalyzedAt.AsUtcOffset()))
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<RouteResponse>(items, paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<RouteDetailResponse>, NotFound>> GetRoute(RoutesDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var route = await db.Routes.AsNoTracking().Include(r => r.Sections).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return route is null ? TypedResults.NotFound() : TypedResults.Ok(RouteDetailResponse.From(route));
    }

    public static async Task<Results<Ok<RouteResponse>, ValidationProblem, NotFound>> RenameRoute(
        RoutesDbContext db, Guid id, RenameRouteRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (RouteNames.Problem(name) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem] }, detail: problem,
                type: RouteProblemTypes.InvalidName);
        }

        var route = await db.Routes.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (route is null)
        {
            return TypedResults.NotFound();
        }

        route.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RouteResponse.From(route));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteRoute(RouteLibrary library, Guid id, CancellationToken cancellationToken) =>
        await library.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<FileStreamHttpResult, NotFound>> DownloadGpx(
        RoutesDbContext db, GpxFileStore files, Guid id, CancellationToken cancellationToken)
    {
        var route = await db.Routes.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Name, r.ContentHash }).FirstOrDefaultAsync(cancellationToken);
        if (route is null || files.OpenRead(route.ContentHash, GpxFileStore.Extension) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(stream, "application/gpx+xml", RouteNames.DownloadName(route.Name));
    }

    public static async Task<Results<Ok<RouteDetailResponse>, NotFound>> Reanalyze(RouteLibrary library, Guid id, CancellationToken cancellationToken)
    {
        var route = await library.ReanalyzeAsync(id, cancellationToken);
        return route is null ? TypedResults.NotFound() : TypedResults.Ok(RouteDetailResponse.From(route));
    }
}
