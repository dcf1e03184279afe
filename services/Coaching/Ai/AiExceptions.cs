namespace CyclingCoach.Coaching.Ai;

/// <summary>An AI call that produced nothing usable; the caller falls back to the built-in coach or fails cleanly.</summary>
public abstract class AiException(AiCallOutcome outcome, string message, Exception? innerException)
    : Exception(message, innerException)
{
    public AiCallOutcome Outcome { get; } = outcome;
}

/// <summary>The provider refused or failed: payment, auth, rate limit, 5xx, <c>finish_reason:"error"</c>, timeout, cancellation.</summary>
public sealed class AiProviderException(AiCallOutcome outcome, string message, int? status = null, Exception? innerException = null)
    : AiException(outcome, message, innerException)
{
    /// <summary>The HTTP status, when the failure was one.</summary>
    public int? Status { get; } = status;
}

/// <summary>The model answered, but not with a usable result (prose, invalid or cut-off JSON, failed checks) even after the repair retry.</summary>
public sealed class AiOutputException(string message, IReadOnlyList<string> errors, Exception? innerException = null)
    : AiException(AiCallOutcome.InvalidOutput, message, innerException)
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
