using CyclingCoach.Routes.Analysis;
using CyclingCoach.Routes.Library;
using CyclingCoach.Routes.Options;
using CyclingCoach.Routes.Storage;
using CyclingCoach.ServiceDefaults.Problems;
using CyclingCoach.ServiceDefaults.Storage;
using CyclingCoach.ServiceDefaults.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Routes.Apis;

/// <summary>
/// <c>POST /api/routes</c>: multipart <c>file</c> (GPX) and optional <c>name</c>. Order of checks, cheapest first and
/// nothing written until the file is known good: media type (415), declared size (413), name (400), quota (409),
/// streamed copy with hash and size limit (413), duplicate (409), GPX validation and analysis (400), then the
/// rename into place and one commit of route, sections and <c>RouteAnalyzed</c> (201).
/// </summary>
public static class UploadRouteEndpoint
{
    public static async Task<Results<Created<RouteDetailResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        HttpContext context,
        RouteLibrary library,
        GpxFileStore files,
        IOptions<RoutesOptions> options,
        ILogger<RouteLibrary> logger,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        var upload = await MultipartUpload.ReadAsync(context, options.Value.ToUploadLimits(), "file", cancellationToken);
        if (!upload.Accepted)
        {
            return Refused(upload.Refusal, limit);
        }

        var (form, file) = (upload.Form, upload.File!);
        string? name = null;
        if (form.TryGetValue("name", out var values) && values.ToString().Trim() is { Length: > 0 } requested)
        {
            if (RouteNames.Problem(requested) is { } problem)
            {
                return Invalid(RouteProblemTypes.InvalidName, "name", problem);
            }

            name = requested;
        }

        if (!string.IsNullOrEmpty(file.FileName) && RouteNames.Problem(file.FileName) is { } fileNameProblem)
        {
            return Invalid(RouteProblemTypes.InvalidName, "file", $"File name: {fileNameProblem}");
        }

        if (await library.CountAsync(cancellationToken) >= options.Value.MaxRoutes)
        {
            return QuotaExceeded(options.Value.MaxRoutes);
        }

        StagedFile? staged;
        await using (var content = file.OpenReadStream())
        {
            staged = await files.StageAsync(content, limit, cancellationToken);
        }

        if (staged is null)
        {
            return TooLarge(limit);
        }

        UploadOutcome outcome;
        try
        {
            outcome = await library.AddAsync(staged, name, file.FileName, cancellationToken);
        }
        catch (RouteRejectedException e)
        {
            logger.LogInformation("Rejected GPX upload: {Type} ({Detail})", e.Type, e.Message);
            return e.Status == StatusCodes.Status400BadRequest
                ? Invalid(e.Type, e.Field, e.Message)
                : Problem(e.Status, e.Type, "Upload refused", e.Message);
        }

        switch (outcome)
        {
            case UploadOutcome.Created created:
                logger.LogInformation("Stored route {RouteId} ({Name}, {DistanceMeters:F0} m, {Sections} sections)",
                    created.Route.Id, created.Route.Name, created.Route.DistanceMeters, created.Route.Sections.Count);
                return TypedResults.Created($"/api/routes/{created.Route.Id}", RouteDetailResponse.From(created.Route));
            case UploadOutcome.Duplicate duplicate:
                return TypedResults.Problem(
                    detail: $"This file is already in the library as route {duplicate.ExistingRouteId}.",
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Duplicate route",
                    type: RouteProblemTypes.DuplicateRoute,
                    extensions: new Dictionary<string, object?>
                    {
                        ["existingRouteId"] = duplicate.ExistingRouteId,
                        ["existingRoute"] = $"/api/routes/{duplicate.ExistingRouteId}",
                    });
            case UploadOutcome.QuotaExceeded quota:
                return QuotaExceeded(quota.MaxRoutes);
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome}.");
        }
    }

    private static ProblemHttpResult QuotaExceeded(int max) => TypedResults.Problem(
        detail: $"The route library is full ({max} routes). Delete a route to make room.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Route library full",
        type: RouteProblemTypes.QuotaExceeded,
        extensions: new Dictionary<string, object?> { ["maxRoutes"] = max });

    private static Results<Created<RouteDetailResponse>, ValidationProblem, ProblemHttpResult> Refused(UploadRefusal refusal, long limit) => refusal.Kind switch
    {
        UploadRefusalKind.NotMultipart => Problem(refusal.Status, refusal.Type, "Unsupported media type",
            "Upload the GPX file as multipart/form-data with a 'file' part."),
        UploadRefusalKind.TooLarge => TooLarge(limit),
        UploadRefusalKind.Malformed => Invalid(refusal.Type, "body", refusal.MalformedDetail),
        _ => Invalid(refusal.Type, "file", "A 'file' part with the GPX file is required."),
    };

    private static ProblemHttpResult TooLarge(long limit) => Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.TooLarge,
        "File too large", $"GPX uploads are limited to {limit} bytes.");

    private static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);

    private static ValidationProblem Invalid(string type, string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail: detail, title: "Invalid upload", type: type);
}
