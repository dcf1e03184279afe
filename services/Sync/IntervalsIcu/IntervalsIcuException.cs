namespace CyclingCoach.Sync.IntervalsIcu;

/// <summary>intervals.icu refused or failed a request; the message is safe to show (it never holds the key).</summary>
public sealed class IntervalsIcuException(string message, int? status = null) : Exception(message)
{
    public int? Status { get; } = status;
}
