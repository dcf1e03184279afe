using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;

namespace CyclingCoach.ServiceDefaults.Tests;

public sealed class EndpointNameTests
{
    private sealed class AthleteProfileChangedConsumer : IConsumer<string>
    {
        public Task Consume(ConsumeContext<string> context) => Task.CompletedTask;
    }

    private static string QueueOf(string applicationName) =>
        new KebabCaseEndpointNameFormatter(MessagingExtensions.EndpointPrefix(applicationName), includeNamespace: false).Consumer<AthleteProfileChangedConsumer>();

    [Fact]
    public void Two_services_consuming_the_same_event_get_queues_of_their_own()
    {
        Assert.Equal("sync-athlete-profile-changed", QueueOf("CyclingCoach.Sync"));
        Assert.Equal("routes-athlete-profile-changed", QueueOf("CyclingCoach.Routes"));
    }
}
