namespace CyclingCoach.ServiceDefaults.Api;

/// <summary><c>?page=1&amp;pageSize=50</c> with ARCHITECTURE.md §5's limits (page ≥ 1, 1 ≤ pageSize ≤ 200).</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest From(int? page, int? pageSize, IDictionary<string, string[]> errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        return new PageRequest(Math.Max(p, 1), Math.Clamp(size, 1, MaxPageSize));
    }
}
