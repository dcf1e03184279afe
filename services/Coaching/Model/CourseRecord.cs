using CyclingCoach.Coaching.Domain.Courses;

namespace CyclingCoach.Coaching.Model;

/// <summary>
/// The latest analysis of one route (Routes' <c>RouteAnalyzed</c>): an event that names the route is prepared for
/// this course. Coaching never reads Routes' database; an older message than the stored one changes nothing.
/// </summary>
public sealed class CourseRecord
{
    public Guid RouteId { get; init; }
    public required EventCourse Course { get; set; }
    public DateTime AnalyzedAt { get; set; }
}
