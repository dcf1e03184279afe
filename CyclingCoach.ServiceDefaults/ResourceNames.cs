namespace CyclingCoach.ServiceDefaults;

/// <summary>
/// The one list of resource names (ARCHITECTURE.md §2). The AppHost, the services, deploy/docker-compose.yml and ./coach all
/// use exactly these, so connection strings (<c>ConnectionStrings__syncdb</c>) and service discovery keys
/// (<c>services__sync__http__0</c>) line up everywhere.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string SyncDb = "syncdb";
    public const string CoachingDb = "coachingdb";
    public const string RoutesDb = "routesdb";
    public const string Messaging = "messaging";
    public const string Sync = "sync";
    public const string Coaching = "coaching";
    public const string Routes = "routes";
    public const string Gateway = "gateway";
    public const string Web = "web";
}
