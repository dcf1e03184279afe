namespace CyclingCoach.ServiceDefaults.Api;

/// <summary>The one list shape of ARCHITECTURE.md §5: <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
