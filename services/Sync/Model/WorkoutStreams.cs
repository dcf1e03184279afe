using CyclingCoach.Training.Science;

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

    /// <summary>The stored samples as the library's streams (an absent channel is NaN everywhere).</summary>
    public RideStreams ToRideStreams()
    {
        var s = RideStreams.Create(StartUtc, Length);
        Copy(Power, s.Power);
        Copy(HeartRate, s.HeartRate);
        Copy(Cadence, s.Cadence);
        Copy(Speed, s.Speed);
        Copy(Altitude, s.Altitude);
        Copy(Distance, s.Distance);
        Latitude?.AsSpan(0, Math.Min(Length, Latitude.Length)).CopyTo(s.Latitude);
        Longitude?.AsSpan(0, Math.Min(Length, Longitude.Length)).CopyTo(s.Longitude);
        Recorded.AsSpan(0, Math.Min(Length, Recorded.Length)).CopyTo(s.Recorded);
        Moving.AsSpan(0, Math.Min(Length, Moving.Length)).CopyTo(s.Moving);
        return s;
    }

    private static void Copy(float[]? from, double[] to)
    {
        for (var i = 0; i < Math.Min(from?.Length ?? 0, to.Length); i++)
        {
            to[i] = from![i];
        }
    }
}
