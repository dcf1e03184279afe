namespace CyclingCoach.Coaching.Engines;

/// <summary>
/// Picks the engine for a call: the LLM engine when it is configured, else the built-in coach; when the LLM call
/// fails (provider error, invalid output, or output the caller's check refuses) the built-in coach answers and the
/// reason is kept. The caller's cancellation is never turned into a fallback.
/// </summary>
public sealed class CoachEngines(IEnumerable<ICoachEngine> engines, ILogger<CoachEngines> logger)
{
    public const string BuiltInName = "builtin";

    private readonly ICoachEngine builtIn = engines.Single(e => e.Name == BuiltInName);
    private readonly ICoachEngine? primary = engines.FirstOrDefault(e => e.Name != BuiltInName);

    public string ActiveName => (primary ?? builtIn).Name;

    /// <param name="check">Problems with a result (for example a plan the validator refuses); a primary result with problems falls back.</param>
    public async Task<EngineResult<T>> RunAsync<T>(
        Func<ICoachEngine, CancellationToken, Task<T>> call,
        Func<T, IReadOnlyList<string>>? check,
        CancellationToken cancellationToken)
    {
        string? fallbackReason = null;
        if (primary is not null)
        {
            try
            {
                var result = await call(primary, cancellationToken);
                var problems = check?.Invoke(result) ?? [];
                if (problems.Count == 0)
                {
                    return new EngineResult<T>(result, primary.Name, null);
                }

                fallbackReason = $"{primary.Name} answer refused: {string.Join("; ", problems.Take(5))}";
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                fallbackReason = $"{primary.Name} failed: {e.Message}";
            }

            logger.LogWarning("Falling back to the built-in coach: {Reason}", fallbackReason);
        }

        return new EngineResult<T>(await call(builtIn, cancellationToken), builtIn.Name, fallbackReason);
    }
}

public sealed record EngineResult<T>(T Value, string Engine, string? FallbackReason);
