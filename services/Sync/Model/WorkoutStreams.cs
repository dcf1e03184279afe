namespace CyclingCoach.Sync.Model;

/// <summary>
/// The 1 Hz streams of one workout, one PostgreSQL <c>real[]</c> per channel (null when the channel is absent; a
/// missing second is NaN). Latitude and longitude stay <c>double precision[]</c> so positions keep centimetres.
/// </summary>
public sealed class WorkoutStreams
{
    public Guid WorkoutId { get; init; }
    public DateTime? StartUtc { get; set; }
    public int Length { get; set; }
    public float[]? Power { get; set; }
    public float[]? HeartRate { get; set; }
    public float[]? Cadence { get; set; }
    public float[]? Speed { get; set; }
    public float[]? Altitude { get; set; }
    public float[]? Distance { get; set; }
    public double[]? Latitude { get; set; }
    public double[]? Longitude { get; set; }

    /// <summary>Seconds the device was recording (false in pauses and long gaps).</summary>
    public bool[] Recorded { get; set; } = [];
    public bool[] Moving { get; set; } = [];
}
