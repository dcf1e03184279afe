namespace CyclingCoach.Training.Science;

/// <summary>
/// Mean-maximal power for every duration 1 s … N s: <c>Watts[d − 1]</c> is the best average power over any d
/// consecutive seconds, which started at second <c>StartSeconds[d − 1]</c> of the ride (or of the source ride for an
/// envelope; see <see cref="SourceIndex"/>).
/// </summary>
public sealed record MeanMaxCurve(double[] Watts, int[] StartSeconds, int[]? SourceIndex = null)
{
    public static MeanMaxCurve Empty { get; } = new([], []);

    /// <summary>Durations worth storing per ride (s): 1 s … 6 h, the usual power-curve ticks.</summary>
    public static IReadOnlyList<int> StandardDurations { get; } =
        [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 480, 600, 720, 900, 1200, 1500, 1800, 2400, 2700,
            3600, 5400, 7200, 10800, 14400, 18000, 21600];

    /// <summary>The curve at the given durations (those the ride reaches), e.g. <see cref="StandardDurations"/> for storage.</summary>
    public IReadOnlyList<(int Seconds, double Watts)> Sample(IEnumerable<int> durationsSeconds)
    {
        ArgumentNullException.ThrowIfNull(durationsSeconds);
        var result = new List<(int, double)>();
        foreach (var d in durationsSeconds)
        {
            if (PowerAt(d) is { } w)
            {
                result.Add((d, w));
            }
        }

        return result;
    }

    /// <summary>Longest duration covered, in seconds.</summary>
    public int MaxDurationSeconds => Watts.Length;

    /// <summary>Best average power over <paramref name="seconds"/>, or null when the ride is shorter.</summary>
    public double? PowerAt(int seconds) => seconds >= 1 && seconds <= Watts.Length ? Watts[seconds - 1] : null;

    /// <summary>
    /// The "best average over at least d seconds" curve: value(d) = max over d′ ≥ d of MMP(d′). The exact curve can
    /// rise with duration (e.g. [300, 200, 0, 400]: 3 s = 200 W, 4 s = 225 W); this one never does, which is what charts
    /// and model fits expect. StartSeconds then point at the longer effort the value came from.
    /// </summary>
    public MeanMaxCurve ToNonIncreasing()
    {
        var n = Watts.Length;
        var watts = new double[n];
        var starts = new int[n];
        int[]? source = SourceIndex is null ? null : new int[n];
        var best = double.NegativeInfinity;
        var from = -1;
        for (var i = n - 1; i >= 0; i--)
        {
            if (Watts[i] > best)
            {
                best = Watts[i];
                from = i;
            }

            watts[i] = best;
            starts[i] = StartSeconds[from];
            if (source is not null)
            {
                source[i] = SourceIndex![from];
            }
        }

        return new MeanMaxCurve(watts, starts, source);
    }
}
