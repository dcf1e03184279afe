namespace CyclingCoach.Routes.Model;

/// <summary>
/// The one row (id 1) holding the latest rider and bike profile received from Coaching. Version 0 with null values
/// means no profile has arrived: estimates use <see cref="CyclingCoach.Training.Routes.RiderProfile.Default"/>.
/// Null fields fall back to the default's value.
/// </summary>
public sealed class RiderProfileRecord
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public int Version { get; set; }
    public double? FtpWatts { get; set; }
    public double? RiderMassKg { get; set; }
    public double? BikeMassKg { get; set; }
    public double? CdA { get; set; }
    public double? Crr { get; set; }
    public double? WheelCircumferenceMeters { get; set; }
    public int[]? Chainrings { get; set; }
    public int[]? Cassette { get; set; }
    public double? MinCadenceRpm { get; set; }
    public DateTime? ChangedAt { get; set; }
    public DateTime? ReceivedAt { get; set; }
}
