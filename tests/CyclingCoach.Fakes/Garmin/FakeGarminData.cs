using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CyclingCoach.Fakes.Garmin;

/// <summary>
/// The fake's activities: <c>count</c> list items built from the real ConnectStats cycling list items (ids, dates
/// and names rewritten; every second one re-typed road_biking, parentTypeId 2), newest first, <see cref="Spacing"/>
/// apart; every <c>nonCyclingEvery</c>-th is a real go-garmin running item. The summary is the real go-garmin body
/// with the id (and dates) rewritten; the download zip holds a real FIT file, except for the newest
/// <c>withoutOriginal</c> activities (Garmin answers 204 or 404 for those, like manual entries and some third-party
/// uploads); details and splits are built from the activity's FIT (<see cref="FakeGarminDetails"/>).
/// </summary>
public sealed class FakeGarminData
{
    /// <summary>Yesterday 07:00 UTC, so an incremental run (last window end − 48 h) sees the newest rides again.</summary>
    public static readonly DateTime NewestStartGmt = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(-1).AddHours(7), DateTimeKind.Unspecified);
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(1);
    public const long FirstId = 21_700_000_000;
    public const string FixtureActivityId = "21680374805";

    public static readonly string[] CyclingFitFiles =
    [
        "fitparse__sample-activity-indoor-trainer.fit",
        "goldencheetah__TacxNeo.fit",
        "connectstats__activity_1382772474.fit",
        "goldencheetah__Garmin830_with_Stages.fit",
    ];

    private readonly List<JsonObject> items = [];
    private readonly Dictionary<long, int> indexById = [];
    private readonly string summaryTemplate;
    private readonly Dictionary<string, byte[]> fitFiles = [];
    private readonly Dictionary<string, DateTime> fitStarts = [];
    private readonly Dictionary<long, long> shiftById = [];

    private readonly int withoutOriginal;

    public FakeGarminData(int count, int nonCyclingEvery, TimeSpan spacing, int withoutOriginal = 0)
    {
        Spacing = spacing;
        this.withoutOriginal = withoutOriginal;
        var cycling = ((JsonArray)JsonNode.Parse(Read("connectstats__last_modern_search_0.json"))!["activityList"]!)
            .Select(n => n!.AsObject())
            .Where(n => (string?)n["activityType"]?["typeKey"] == "cycling")
            .ToList();
        var running = JsonNode.Parse(Read("gogarmin__activitylist_search.json"))!.AsArray().Select(n => n!.AsObject()).ToList();
        summaryTemplate = Read("gogarmin__activity_21680374805.json");
        UserSettings = Read("gogarmin__user-settings.json");
        HeartRateZones = Read("gogarmin__heartRateZones.json");
        CyclingFtp = Read("gogarmin__latestFunctionalThresholdPower_CYCLING.json");
        foreach (var name in CyclingFitFiles)
        {
            fitFiles[name] = File.ReadAllBytes(Path.Combine(Fixtures.Root, "fit", name));
            fitStarts[name] = FitTimeShift.ToUtc(FitTimeShift.FirstTimestamp(fitFiles[name]));
        }

        for (var i = 0; i < count; i++)
        {
            var nonCycling = nonCyclingEvery > 0 && i % nonCyclingEvery == nonCyclingEvery - 1;
            var item = (nonCycling ? running[i % running.Count] : cycling[i % cycling.Count]).DeepClone().AsObject();
            var id = FirstId + (count - i);
            // The original file is a real FIT moved in time (whole 32 s steps) to start when the list item says.
            var fitStart = fitStarts[FitFileFor(id)];
            var shift = (long)Math.Floor((NewestStartGmt - (spacing * i) - fitStart).TotalSeconds / 32) * 32;
            shiftById[id] = shift;
            var gmt = fitStart.AddSeconds(shift);
            gmt = DateTime.SpecifyKind(gmt, DateTimeKind.Unspecified);
            item["activityId"] = id;
            item["activityName"] = nonCycling ? $"Run {i}" : $"Ride {i}";
            item["startTimeGMT"] = gmt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            item["startTimeLocal"] = (gmt + LocalOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            item["beginTimestamp"] = new DateTimeOffset(gmt, TimeSpan.Zero).ToUnixTimeMilliseconds();
            if (!nonCycling && i % 2 == 1)
            {
                item["activityType"] = new JsonObject
                {
                    ["typeId"] = 10, ["typeKey"] = "road_biking", ["parentTypeId"] = 2, ["isHidden"] = false, ["restricted"] = false, ["trimmable"] = true,
                };
            }

            indexById[id] = i;
            items.Add(item);
        }
    }

    public TimeSpan Spacing { get; }
    public string UserSettings { get; }
    public string HeartRateZones { get; }
    public string CyclingFtp { get; }
    public IReadOnlyList<JsonObject> Items => items;

    public static string Read(string name) => File.ReadAllText(Path.Combine(Fixtures.Root, "garmin-json", name));

    public static DateTime StartGmt(JsonObject item) =>
        DateTime.ParseExact((string)item["startTimeGMT"]!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static DateOnly LocalDate(JsonObject item) =>
        DateOnly.FromDateTime(DateTime.ParseExact((string)item["startTimeLocal"]!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));

    public bool Exists(long id) => indexById.ContainsKey(id);

    public string? Summary(long id)
    {
        if (!indexById.TryGetValue(id, out var index))
        {
            return null;
        }

        var item = items[index];
        var node = JsonNode.Parse(summaryTemplate.Replace(FixtureActivityId, id.ToString(CultureInfo.InvariantCulture)))!.AsObject();
        node["activityName"] = (string?)item["activityName"];
        node["activityTypeDTO"] = item["activityType"]!.DeepClone();
        var summary = node["summaryDTO"]!.AsObject();
        var gmt = StartGmt(item);
        summary["startTimeGMT"] = gmt.ToString("yyyy-MM-dd'T'HH:mm:ss.0", CultureInfo.InvariantCulture);
        summary["startTimeLocal"] = (gmt + LocalOffset).ToString("yyyy-MM-dd'T'HH:mm:ss.0", CultureInfo.InvariantCulture);
        return node.ToJsonString();
    }

    public string? Details(long id, int maxChartSize) => Exists(id) ? FakeGarminDetails.Details(FitFor(id), id, maxChartSize) : null;

    public string? Splits(long id) => Exists(id) ? FakeGarminDetails.Splits(FitFor(id), id) : null;

    /// <summary>False for the newest <c>withoutOriginal</c> activities: download-service has no file for them.</summary>
    public bool HasOriginal(long id) => Exists(id) && indexById[id] >= withoutOriginal;

    public string FitFileFor(long id) => CyclingFitFiles[(int)(id % CyclingFitFiles.Length)];

    public byte[] FitBytes(string name) => fitFiles[name];

    /// <summary>The original FIT of <paramref name="id"/>: its real file, moved to the activity's start.</summary>
    public byte[] FitFor(long id) => FitTimeShift.Shift(FitBytes(FitFileFor(id)), shiftById[id]);

    public byte[]? OriginalZip(long id)
    {
        if (!Exists(id))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry($"{id}_ACTIVITY.fit", CompressionLevel.Fastest);
            using var stream = entry.Open();
            stream.Write(FitFor(id));
        }

        return buffer.ToArray();
    }

    /// <summary>Garmin's list semantics: local start date in [startDate, endDate], newest first, then start/limit.</summary>
    public IReadOnlyList<JsonObject> Page(int start, int limit, DateOnly? startDate, DateOnly? endDate) =>
        items.Where(item => (startDate is null || LocalDate(item) >= startDate) && (endDate is null || LocalDate(item) <= endDate))
            .Skip(start)
            .Take(limit)
            .ToList();

    public static JsonElement ToElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
