using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.AppHost.Tests;

/// <summary>
/// The test profile (<c>COACH_PROFILE=test</c>, what <c>./coach test</c> starts) and <c>run/stack.env</c>, from the
/// AppHost's model built (not started) with a throwaway folder and its default ports: the fakes are resources of the
/// stack with Sync pointed at them, the default profile has none, and every address a script reads is written from the
/// model.
/// </summary>
public sealed class TestProfileTests
{
    private static async Task<T> WithModel<T>(string profile, Func<DistributedApplicationModel, Task<T>> read)
    {
        var directory = Directory.CreateTempSubdirectory("coach-test-profile.").FullName;
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CyclingCoach_AppHost>(
                [$"--COACH_DIR={directory}", $"--COACH_PROFILE={profile}", "--COACH_PORT_BASE=", "--COACH_WEB_PORT=", "--COACH_DASHBOARD_PORT=",
                 "--COACH_PG_PORT=", "--COACH_AMQP_PORT=", "--COACH_MGMT_PORT="]);
            await using var app = await builder.BuildAsync();
            return await read(app.Services.GetRequiredService<DistributedApplicationModel>());
        }
        finally
        {
            ModelFolders.Delete(directory);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> Environment(DistributedApplicationModel model, string name)
    {
        var resource = (IResourceWithEnvironment)model.Resources.Single(r => r.Name == name);
#pragma warning disable CS0618 // values of plain strings are all these tests read
        var environment = await resource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run);
#pragma warning restore CS0618
        return environment;
    }

    [Fact]
    public async Task The_test_profile_runs_the_fakes_and_points_Sync_and_nothing_else_at_them()
    {
        var (fakes, sync, gateway, lines) = await WithModel("test", async model => (
            model.Resources.Where(r => r is ProjectResource && r.Name.StartsWith("fake-", StringComparison.Ordinal))
                .ToDictionary(r => r.Name, r => r.Annotations.OfType<EndpointAnnotation>().Single().Port),
            await Environment(model, ResourceNames.Sync),
            await Environment(model, ResourceNames.Gateway),
            StackEnvironment.EndpointLines(model).ToList()));

        Assert.Equal(new Dictionary<string, int?> { ["fake-garmin"] = 5190, ["fake-intervals"] = 5191 }, fakes);
        foreach (var key in new[] { "Garmin__SsoBaseUrl", "Garmin__ApiBaseUrl", "Garmin__DiAuthBaseUrl" })
        {
            Assert.Equal("http://127.0.0.1:5190", sync[key]);
        }

        Assert.Equal("http://127.0.0.1:5191", sync["IntervalsIcu__BaseUrl"]);
        Assert.Equal("100000", gateway["Auth__MaxFailedAttempts"]);
        Assert.DoesNotContain(gateway.Keys, key => key.StartsWith("Garmin__", StringComparison.Ordinal));
        Assert.Contains("FAKE_GARMIN_URL=http://127.0.0.1:5190", lines);
        Assert.Contains("FAKE_INTERVALS_URL=http://127.0.0.1:5191", lines);
    }

    [Fact]
    public async Task The_default_profile_has_no_fakes_and_Sync_talks_to_the_real_services()
    {
        var (names, sync, gateway) = await WithModel("default", async model => (
            model.Resources.Select(r => r.Name).ToList(),
            await Environment(model, ResourceNames.Sync),
            await Environment(model, ResourceNames.Gateway)));

        Assert.DoesNotContain(names, name => name.StartsWith("fake-", StringComparison.Ordinal));
        Assert.DoesNotContain(sync.Keys, key => key.StartsWith("Garmin__", StringComparison.Ordinal) || key.StartsWith("IntervalsIcu__", StringComparison.Ordinal));
        Assert.DoesNotContain("Auth__MaxFailedAttempts", gateway.Keys);
    }

    [Fact]
    public async Task Stack_env_gives_every_resource_with_a_port_its_address_from_the_model()
    {
        var lines = await WithModel("default", model => Task.FromResult(StackEnvironment.EndpointLines(model).ToHashSet()));

        string[] expected =
        [
            "GATEWAY_PORT=5100", "GATEWAY_URL=http://127.0.0.1:5100",
            "SYNC_PORT=5101", "SYNC_URL=http://127.0.0.1:5101",
            "COACHING_PORT=5102", "ROUTES_PORT=5103",
            "WEB_PORT=3000", "WEB_URL=http://127.0.0.1:3000",
            "POSTGRES_PORT=55432", "MESSAGING_PORT=5672",
            "MESSAGING_MANAGEMENT_PORT=15672", "MESSAGING_MANAGEMENT_URL=http://127.0.0.1:15672",
        ];
        Assert.Empty(expected.Except(lines));
        // `./coach kill|stop|start SERVICE` reads {SERVICE}_PORT: one line for each service it names.
        foreach (var service in new[] { "gateway", "sync", "coaching", "routes", "web", "postgres", "messaging" })
        {
            Assert.Single(lines, line => line.StartsWith($"{service.ToUpperInvariant()}_PORT=", StringComparison.Ordinal));
        }
    }
}
