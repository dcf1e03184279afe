namespace CyclingCoach.Coaching.Plans;

/// <summary>One plan generation at a time in this process: a second request while one runs gets 409.</summary>
public sealed class PlanGenerationGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public bool TryEnter() => gate.Wait(0);

    public void Exit() => gate.Release();
}
