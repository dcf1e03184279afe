namespace CyclingCoach.AppHost;

/// <summary>
/// The test profile (<c>COACH_PROFILE=test</c>; <c>./coach test</c> sets it): the stack plus the fakes of what cannot be
/// reached from here — Garmin Connect and intervals.icu (tests/CyclingCoach.Fakes, the fakes the Sync tests use) — as
/// resources of their own, with Sync pointed at them, so the web end-to-end tier can connect and sync from them. Their
/// URLs reach the tests through <c>run/stack.env</c> (<see cref="StackEnvironment"/>) like every other address.
/// The auth test sends wrong keys to every route from 127.0.0.1, so the gateway's failed-attempt limit is raised here
/// (the limit itself is covered by the gateway's integration tests).
/// </summary>
public static class TestProfile
{
    public const string FakeGarmin = "fake-garmin";
    public const string FakeIntervals = "fake-intervals";

    public static void AddFakes(
        this IDistributedApplicationBuilder builder, CoachSettings settings,
        IResourceBuilder<ProjectResource> sync, IResourceBuilder<ProjectResource> gateway)
    {
        if (!settings.TestProfile)
        {
            return;
        }

        var project = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "tests", "CyclingCoach.Fakes", "CyclingCoach.Fakes.csproj"));
        // The fakes listen on 127.0.0.1 only: Sync is given that address (not the endpoint's "localhost"), the one the
        // tests use, so cookies and redirects of the fake Garmin's sign-in name one host.
        string Fake(string name, params string[] args)
        {
            var port = settings.PortOf(name);
            builder.AddProject(name, project, launchProfileName: null)
                .RunBuiltOutput()
                .WithHttpEndpoint(port: port, isProxied: false)
                .WithArgs([.. args, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            return $"http://127.0.0.1:{port}";
        }

        var garmin = Fake(FakeGarmin, "garmin", "--wellness-days", "21");
        var intervals = Fake(FakeIntervals, "intervals");
        sync.WithEnvironment("Garmin__SsoBaseUrl", garmin)
            .WithEnvironment("Garmin__ApiBaseUrl", garmin)
            .WithEnvironment("Garmin__DiAuthBaseUrl", garmin)
            .WithEnvironment("IntervalsIcu__BaseUrl", intervals);
        gateway.WithEnvironment("Auth__MaxFailedAttempts", "100000");
    }
}
