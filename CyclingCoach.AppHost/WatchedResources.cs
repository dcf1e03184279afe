namespace CyclingCoach.AppHost;

/// <summary>
/// What the watchdog waits for, read from the model once, before the orchestrator starts: every project, executable
/// and container except the dashboard and those started by hand (ExplicitStartup, e.g. the orchestrator's hidden
/// project rebuilders). One-shot resources (others wait for their completion) must finish with exit code 0; the rest
/// must be Running and Healthy.
/// </summary>
public sealed record WatchedResources(IReadOnlySet<string> Names, IReadOnlySet<string> OneShots)
{
    public static WatchedResources From(DistributedApplicationModel model)
    {
        var resources = model.Resources.ToList();
        var oneShots = resources
            .SelectMany(r => r.Annotations.OfType<WaitAnnotation>().ToList())
            .Where(w => w.WaitType == WaitType.WaitForCompletion)
            .Select(w => w.Resource.Name)
            .ToHashSet();
        var names = resources
            .Where(r => r is ProjectResource or ExecutableResource or ContainerResource && r.Name != "aspire-dashboard" && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .Select(r => r.Name)
            .ToHashSet();
        return new WatchedResources(names, oneShots);
    }

    public bool Ready(string name, CustomResourceSnapshot snapshot) =>
        OneShots.Contains(name)
            ? snapshot.ExitCode == 0
            : snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;
}
