using CyclingCoach.ServiceDefaults.Configuration;
using CyclingCoach.ServiceDefaults.Storage;
using CyclingCoach.Sync.Garmin.Auth;
using CyclingCoach.Sync.Garmin.Client;
using CyclingCoach.Sync.Garmin.Http;
using CyclingCoach.Sync.Garmin.Models;
using CyclingCoach.Sync.Garmin.Storage;
using CyclingCoach.Sync.Sources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CyclingCoach.Sync.Garmin;

public static class GarminExtensions
{
    /// <summary>
    /// Garmin: options, Data Protection (keys under <c>DataPath/keys</c>), the token and state files, the typed
    /// HttpClients without the standard resilience handler (the retry rules here are Garmin's own), and the
    /// <see cref="IActivitySource"/>.
    /// </summary>
    public static IHostApplicationBuilder AddGarmin(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GarminOptions>()
            .Bind(builder.Configuration.GetSection(GarminOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.SsoBaseUrl, UriKind.Absolute, out _), "Garmin:SsoBaseUrl must be an absolute URL.")
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "Garmin:ApiBaseUrl must be an absolute URL.")
            .Validate(o => Uri.TryCreate(o.DiAuthBaseUrl, UriKind.Absolute, out _), "Garmin:DiAuthBaseUrl must be an absolute URL.")
            .Validate(o => o.CooldownMinutes >= 1, "Garmin:CooldownMinutes must be at least 1.")
            .Validate(o => o.DiClientIds.Length > 0, "Garmin:DiClientIds must list at least one client id.")
            .ValidateOnStart();

        var dataPath = services.LastOrDefault(d => d.ServiceType == typeof(StorageOptions))?.ImplementationInstance is StorageOptions storage
            ? storage.DataPath
            : Path.GetFullPath(builder.Configuration["Storage:DataPath"] is { Length: > 0 } configured
                ? configured
                : Path.Combine(builder.Environment.ContentRootPath, "data"));
        // The key ring itself is encrypted (KeyRingEncryption.cs): the keys on the volume and in backups are useless
        // without Storage:KeyEncryptionKey, which lives elsewhere.
        var keyRingKey = new KeyRingKey(builder.Configuration.GetRequiredSecret(KeyRingKey.SettingKey));
        var keyRingEncryptor = new KeyRingEncryptor(keyRingKey);
        var keys = Path.Combine(dataPath, "keys");
        KeyRingFiles.EncryptPlaintextKeys(keys, keyRingEncryptor);
        services.AddSingleton(keyRingKey);
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(keys))
            .SetApplicationName("cyclingcoach-sync");
        services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = keyRingEncryptor);

        services.AddSingleton<GarminFiles>();
        services.AddSingleton<GarminTokenStore>();
        services.AddSingleton<GarminStateStore>();
        services.AddSingleton<GarminSession>();
        services.AddSingleton<GarminLoginSessions>();
        services.AddSingleton<GarminRateLimiter>();
        services.AddSingleton<GarminRetry>();
        services.AddSingleton<GarminAuthClientFactory>();
        services.AddSingleton<GarminActivityTypes>();
        services.TryAddSingleton(TimeProvider.System);

#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; Garmin needs exactly its own retry rules.
        services.AddHttpClient<GarminAuthClient>(http => http.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .RemoveAllResilienceHandlers();
        services.AddHttpClient<GarminApiClient>((provider, http) =>
            {
                http.BaseAddress = new Uri(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GarminOptions>>().Value.ApiBaseUrl.TrimEnd('/') + "/");
                http.Timeout = TimeSpan.FromSeconds(120);
            })
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        services.AddTransient<GarminConnector>();
        services.AddTransient<GarminActivitySource>();
        services.AddTransient<IActivitySource>(provider => provider.GetRequiredService<GarminActivitySource>());
        return builder;
    }

    // Cookies are kept per sign-in (SsoSession), never in the shared handler; redirects are not followed.
    private static SocketsHttpHandler PrimaryHandler() => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
