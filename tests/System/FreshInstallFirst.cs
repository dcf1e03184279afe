using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer(CyclingCoach.SystemTests.FreshInstallFirst.Name, CyclingCoach.SystemTests.FreshInstallFirst.Assembly)]

namespace CyclingCoach.SystemTests;

/// <summary>
/// Runs the <see cref="Collection"/> collection before every other (one collection at a time: they share one stack):
/// its test needs the stack as a fresh install leaves it (no FTP yet), which <c>./coach test</c> starts for this tier.
/// </summary>
public sealed class FreshInstallFirst : ITestCollectionOrderer
{
    public const string Collection = "fresh-install";
    public const string Name = "CyclingCoach.SystemTests.FreshInstallFirst";
    public const string Assembly = "CyclingCoach.System.Tests";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == Collection ? 0 : 1).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
