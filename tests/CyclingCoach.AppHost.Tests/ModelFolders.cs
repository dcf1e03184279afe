namespace CyclingCoach.AppHost.Tests;

/// <summary>The throwaway COACH_DIR of a model built and not started. The AppHost's entry point goes on after the
/// testing builder has its model and writes <c>run/stack.env</c> there (StackEnvironment) on its own thread, possibly
/// while the test removes the folder: the removal is tried again until that write is over.</summary>
public static class ModelFolders
{
    public static void Delete(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(100);
            }
        }
    }
}
