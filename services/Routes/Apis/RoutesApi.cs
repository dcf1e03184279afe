using CyclingCoach.Routes.Data;
using CyclingCoach.Routes.Model;
using CyclingCoach.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Routes.Apis;

public static class RoutesApi
{
    public static IEndpointRouteBuilder MapRoutesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/routes").WithTags("Routes");
        api.MapGet("/", ListRoutes).WithName("ListRoutes").WithSummary("List routes, newest first");
        api.MapGet("/{id:guid}", GetRoute).WithName("GetRoute");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<RouteResponse>>, ValidationProblem>> ListRoutes(
        RoutesDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var total = await db.Routes.CountAsync(cancellationToken);
        var items = await db.Routes.AsNoTracking()
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<RouteResponse>(items.ConvertAll(RouteResponse.From), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<RouteResponse>, NotFound>> GetRoute(RoutesDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var route = await db.Routes.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return route is null ? TypedResults.NotFound() : TypedResults.Ok(RouteResponse.From(route));
    }
}

public sealed record RouteResponse(Guid Id, string Name, double DistanceMeters, double? ElevationGainMeters, DateTimeOffset CreatedAt)
{
    public static RouteResponse From(StoredRoute r) => new(
        r.Id, r.Name, r.DistanceMeters, r.ElevationGainMeters, new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)));
}
