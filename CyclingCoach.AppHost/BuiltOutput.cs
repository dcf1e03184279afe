using System.Reflection;

namespace CyclingCoach.AppHost;

/// <summary>
/// Aspire 13.6 starts a project resource as <c>dotnet run --project … --no-build</c>: an MSBuild evaluation before every
/// start and a second process (the <c>dotnet run</c> host, ≈ 70 MB PSS) above each service for as long as it runs. An
/// <see cref="ExecutableAnnotation"/> on the project resource makes the orchestrator start that command instead while
/// the resource stays a project (its type and path in the dashboard, endpoints, environment, OTLP and health checks
/// unchanged): here the service's own executable from the build the AppHost was built with
/// (<c>bin/$(Configuration)/$(TargetFramework)</c>, <c>ServicesOutput</c> in the AppHost's csproj), in the project's
/// folder as <c>dotnet run</c> would run it. A project without that output keeps <c>dotnet run</c>.
/// </summary>
public static class BuiltOutput
{
    private static readonly string? ServicesOutput = typeof(BuiltOutput).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ServicesOutput")?.Value;

    public static IResourceBuilder<ProjectResource> RunBuiltOutput(this IResourceBuilder<ProjectResource> project)
    {
        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        var directory = Path.GetDirectoryName(projectPath)!;
        var executable = Path.Combine(directory, ServicesOutput ?? "", Path.GetFileNameWithoutExtension(projectPath));
        return ServicesOutput is not null && File.Exists(executable)
            ? project.WithAnnotation(new ExecutableAnnotation { Command = executable, WorkingDirectory = directory }, ResourceAnnotationMutationBehavior.Replace)
            : project;
    }
}
