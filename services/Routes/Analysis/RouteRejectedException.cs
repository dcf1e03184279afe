namespace CyclingCoach.Routes.Analysis;

/// <summary>An upload refused before anything is stored: the status, stable ProblemDetails type and the form field at fault.</summary>
public sealed class RouteRejectedException(int status, string type, string field, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
    public string Field { get; } = field;
}
