using Xunit.Abstractions;
using Xunit.Sdk;

namespace CyclingCoach.AppHost.Tests;

/// <summary>Runs a class's tests in the order of their names (Step1_…, Step2_…): the last one stops the AppHost.</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string Name = "CyclingCoach.AppHost.Tests.StepOrderer";
    public const string Assembly = "CyclingCoach.AppHost.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
