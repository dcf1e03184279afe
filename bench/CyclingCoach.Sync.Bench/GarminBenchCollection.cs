using CyclingCoach.Sync.Tests.Garmin;

namespace CyclingCoach.Sync.Bench;

/// <summary>xunit wants a collection's definition in the assembly of its tests: the Sync tests' Garmin fixture, here.</summary>
[CollectionDefinition(GarminCollection.Name)]
public sealed class GarminBenchCollection : ICollectionFixture<GarminFixture>;
