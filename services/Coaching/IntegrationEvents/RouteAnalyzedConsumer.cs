using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Courses;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;

namespace CyclingCoach.Coaching.IntegrationEvents;

/// <summary>Keeps each route's course (climbs, time, climbing) as Routes last analysed it; a redelivery or an older analysis changes nothing.</summary>
public sealed class RouteAnalyzedConsumer(CoachingDbContext db) : IdempotentConsumer<CoachingDbContext, RouteAnalyzed>(db)
{
    protected override async Task HandleAsync(ConsumeContext<RouteAnalyzed> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        var course = new EventCourse(m.RouteId, m.Name, m.DistanceMeters, m.ElevationGainMeters, m.EstimatedSeconds ?? 0, m.FtpWatts ?? 0,
            (m.Climbs ?? []).Select(c => new CourseClimb(c.StartMeters, c.DistanceMeters, c.AverageGradePercent, c.MaxSustainedGradePercent,
                c.ElevationGainMeters, c.EstimatedSeconds, c.PowerWatts)).ToList());
        var analyzedAt = m.AnalyzedAt.UtcDateTime;
        var row = await Db.Courses.FindAsync([m.RouteId], cancellationToken);
        if (row is null)
        {
            Db.Courses.Add(new CourseRecord { RouteId = m.RouteId, Course = course, AnalyzedAt = analyzedAt });
        }
        else if (analyzedAt >= row.AnalyzedAt)
        {
            row.Course = course;
            row.AnalyzedAt = analyzedAt;
        }
    }
}
