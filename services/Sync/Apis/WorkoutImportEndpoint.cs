using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Problems;
using CyclingCoach.ServiceDefaults.Uploads;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Apis;

/// <summary>
/// <c>POST /api/workouts/import</c>. Every file (and every zip entry) is read and checked before anything is stored,
/// so a hostile or broken upload leaves no file and no row: 400 unreadable, 413 too large (the body, or what all its
/// files expand to together: <see cref="ImportOptions"/>), 415 not an activity file. Re-importing the same bytes is a
/// 409 naming the stored workout.
/// </summary>
public static class WorkoutImportEndpoint
{
    public static async Task<IResult> Import(
        HttpContext context,
        FileUnpacker unpacker,
        WorkoutImporter importer,
        SyncDbContext db,
        IOptions<ImportOptions> options,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var upload = await MultipartUpload.ReadAsync(context, new UploadLimits(limits.MaxUploadBytes), fileField: null, cancellationToken);
        if (!upload.Accepted)
        {
            return Refused(upload.Refusal, limits);
        }

        // Every part, and every file inside an archive, draws on one allowance for the whole request.
        var parsed = new List<ParsedActivity>();
        var budget = unpacker.NewBudget();
        try
        {
            foreach (var file in upload.Form.Files)
            {
                await using var stream = file.OpenReadStream(); // the part as the form reader spooled it to disk
                foreach (var entry in unpacker.Unpack(stream, file.FileName, budget))
                {
                    parsed.Add(ActivityParser.Parse(entry.Content, entry.Name, limits.MaxEntryBytes));
                }
            }
        }
        catch (ImportRejectedException e)
        {
            var type = e.Status switch
            {
                413 => ProblemTypes.TooLarge,
                415 => ProblemTypes.UnsupportedMediaType,
                _ => ProblemTypes.Validation,
            };
            var detail = e.Entry is null ? e.Message : $"{e.Entry}: {e.Message}";
            return Problem(e.Status, type, "The file was not imported", detail, e.Code, e.Entry);
        }

        var items = new List<ImportItemResponse>();
        foreach (var file in parsed.DistinctBy(p => p.Sha256))
        {
            var outcome = await importer.ImportAsync(new ImportRequest(WorkoutSource.File, file, null, null, file.EntryName), cancellationToken);
            var workout = await db.Workouts.AsNoTracking().FirstAsync(w => w.Id == outcome.WorkoutId, cancellationToken);
            var name = outcome.Kind switch
            {
                ImportOutcomeKind.Created => "created",
                ImportOutcomeKind.Duplicate => "duplicate",
                _ => "merged",
            };
            items.Add(new ImportItemResponse(file.EntryName, name, outcome.WorkoutId, WorkoutResponse.From(workout)));
        }

        if (items.All(i => i.Outcome == "duplicate"))
        {
            var first = items[0].WorkoutId;
            var problem = new ProblemDetails
            {
                Status = 409,
                Type = ProblemTypes.Conflict,
                Title = "Already imported",
                Detail = items.Count == 1 ? $"This file is already stored as workout {first}." : $"All {items.Count} files are already stored.",
                Instance = $"/api/workouts/{first}",
            };
            problem.Extensions["code"] = "duplicate";
            problem.Extensions["workoutId"] = first;
            problem.Extensions["workoutIds"] = items.Select(i => i.WorkoutId).ToList();
            return TypedResults.Problem(problem);
        }

        var body = new ImportResponse(items);
        var created = items.FirstOrDefault(i => i.Outcome == "created");
        return created is null ? TypedResults.Ok(body) : TypedResults.Created($"/api/workouts/{created.WorkoutId}", body);
    }

    private static IResult Refused(UploadRefusal refusal, ImportOptions limits) => refusal.Kind switch
    {
        UploadRefusalKind.NotMultipart => Problem(refusal.Status, refusal.Type, "Unsupported media type",
            "Send the file as multipart/form-data in a field named 'file'.", "unsupported_media_type"),
        UploadRefusalKind.TooLarge => Problem(refusal.Status, refusal.Type, "Upload too large", $"Uploads are limited to {limits.MaxUploadBytes} bytes.", "too_large"),
        UploadRefusalKind.Malformed => Problem(refusal.Status, refusal.Type, "Malformed upload", refusal.MalformedDetail, "malformed_multipart"),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Attach at least one file (field 'file')."] }),
    };

    private static IResult Problem(int status, string type, string title, string detail, string code, string? entry = null)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (entry is not null)
        {
            problem.Extensions["entry"] = entry;
        }

        return TypedResults.Problem(problem);
    }
}
