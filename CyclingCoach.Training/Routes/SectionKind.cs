namespace CyclingCoach.Training.Routes;

/// <summary>What a route section is. <see cref="Unknown"/> is used when the route has no elevation data.</summary>
public enum SectionKind
{
    Flat,
    Rolling,
    Climb,
    Descent,
    Unknown,
}
