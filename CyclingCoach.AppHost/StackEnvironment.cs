namespace CyclingCoach.AppHost;

/// <summary>
/// <c>$COACH_DIR/run/stack.env</c>: what <c>./coach</c>, the tests and the bench scripts read to find the running stack,
/// written from the model the AppHost has just built, so no script repeats a port: the settings it was started with
/// (<see cref="CoachSettings.EnvironmentLines"/>), then per resource endpoint with a fixed port
/// <c>{RESOURCE}_PORT</c> (<c>{RESOURCE}_{ENDPOINT}_PORT</c> beside the first) and, for http endpoints, <c>…_URL</c>:
/// <c>GATEWAY_URL</c>, <c>SYNC_PORT</c>, <c>POSTGRES_PORT</c>, <c>MESSAGING_MANAGEMENT_URL</c>, <c>FAKE_GARMIN_URL</c>…
/// </summary>
public static class StackEnvironment
{
    public static void Write(DistributedApplicationModel model, CoachSettings settings)
    {
        var run = Path.Combine(settings.Directory, "run");
        Directory.CreateDirectory(run);
        File.WriteAllLines(Path.Combine(run, "stack.env"), [.. settings.EnvironmentLines(), .. EndpointLines(model)]);
    }

    public static IEnumerable<string> EndpointLines(DistributedApplicationModel model)
    {
        foreach (var resource in model.Resources)
        {
            var endpoints = resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.Port is not null).ToList();
            for (var i = 0; i < endpoints.Count; i++)
            {
                var name = Key(resource.Name) + (i == 0 ? "" : "_" + Key(endpoints[i].Name));
                yield return $"{name}_PORT={endpoints[i].Port}";
                if (endpoints[i].UriScheme == "http")
                {
                    yield return $"{name}_URL=http://127.0.0.1:{endpoints[i].Port}";
                }
            }
        }
    }

    private static string Key(string name) => name.ToUpperInvariant().Replace('-', '_');
}
