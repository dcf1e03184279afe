using System.Text;
using System.Text.Json;
using CyclingCoach.Sync.Garmin.Auth;
using CyclingCoach.Sync.Garmin.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Sync.Garmin;

public static class GarminApi
{
    private const int MaxTokenBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapGarminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sync/garmin").WithTags("Garmin");

        api.MapGet("/", GetStatus)
            .WithName("GetGarminConnection")
            .WithSummary("Garmin connection state: not_connected, connected, needs_reauth or cooling_down");
        api.MapPost("/token", ImportToken)
            .WithName("ImportGarminToken")
            .WithSummary("Connect with an existing token file")
            .WithDescription("Body: pgc's garmin_tokens.json (di_token, di_refresh_token, di_client_id), garth's oauth2_token.json " +
                             "or [oauth1, oauth2] pair, or a GARTH_TOKEN base64 string (JSON string, the bare string, or { \"token\": … }), as application/json. " +
                             "The token is checked against Garmin before it is stored, encrypted.")
            .Accepts<JsonElement>("application/json");
        api.MapPost("/ticket", ExchangeTicket)
            .WithName("ExchangeGarminTicket")
            .WithSummary("Connect with a service ticket (ST-…) copied from a browser sign-in; exchanged at diauth");
        api.MapPost("/login", BeginLogin)
            .WithName("BeginGarminLogin")
            .WithSummary("Best-effort username/password sign-in: connected, or { mfaRequired, state }")
            .WithDescription("Garmin blocks most scripted sign-ins (Cloudflare). A 429 starts a cooldown of at least an hour; nothing is retried.");
        api.MapPost("/login/{state}/mfa", CompleteMfa)
            .WithName("CompleteGarminMfa")
            .WithSummary("Finish a sign-in with the MFA code; a wrong code can be retried on the same state");
        api.MapDelete("/", Disconnect)
            .WithName("DisconnectGarmin")
            .WithSummary("Forget the Garmin token");
        return app;
    }

    public static async Task<Ok<GarminStatus>> GetStatus(GarminConnector connector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await connector.GetStatusAsync(cancellationToken));

    public static async Task<Results<Ok<GarminStatus>, ProblemHttpResult>> ImportToken(
        HttpContext context, GarminConnector connector, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            body = await ReadTokenBodyAsync(context.Request, cancellationToken);
        }
        catch (GarminTokenFormatException format)
        {
            return GarminProblems.Invalid(format.Field, format.Message);
        }

        try
        {
            return TypedResults.Ok(await connector.ImportTokenAsync(body, cancellationToken));
        }
        catch (Exception exception) when (exception is GarminException or GarminTokenFormatException)
        {
            return GarminProblems.From(context, exception, "body");
        }
    }

    public static async Task<Results<Ok<GarminStatus>, ProblemHttpResult>> ExchangeTicket(
        HttpContext context, GarminTicketRequest request, GarminConnector connector, CancellationToken cancellationToken)
    {
        var ticket = request.Ticket?.Trim();
        if (string.IsNullOrEmpty(ticket) || !ticket.StartsWith("ST-", StringComparison.Ordinal) || ticket.Length > 512
            || ticket.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return GarminProblems.Invalid("ticket", "ticket must be a CAS service ticket (ST-…), as in serviceTicketId of the sign-in response.");
        }

        try
        {
            return TypedResults.Ok(await connector.ExchangeTicketAsync(ticket, cancellationToken));
        }
        catch (GarminException exception)
        {
            return GarminProblems.From(context, exception, "ticket");
        }
    }

    public static async Task<Results<Ok<GarminLoginResponse>, ProblemHttpResult>> BeginLogin(
        HttpContext context, GarminLoginRequest request, GarminConnector connector, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await connector.BeginLoginAsync(request.Username, request.Password, cancellationToken));
        }
        catch (GarminException exception)
        {
            return GarminProblems.From(context, exception, "password");
        }
    }

    public static async Task<Results<Ok<GarminLoginResponse>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ProblemHttpResult>> CompleteMfa(
        HttpContext context, string state, GarminMfaRequest request, GarminConnector connector, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Trim().Length > 32)
        {
            return GarminProblems.Invalid("code", "code is required: the MFA code Garmin sent.");
        }

        try
        {
            var result = await connector.CompleteMfaAsync(state, request.Code, cancellationToken);
            if (result is null)
            {
                return TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = 404,
                    Type = CyclingCoach.ServiceDefaults.Problems.ProblemTypes.NotFound,
                    Title = "Unknown sign-in",
                    Detail = "No pending Garmin sign-in has this state (it expired or finished); start the login again.",
                });
            }

            return TypedResults.Ok(result);
        }
        catch (GarminException exception)
        {
            return GarminProblems.From(context, exception, "code");
        }
    }

    public static async Task<Ok<GarminStatus>> Disconnect(GarminConnector connector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await connector.DisconnectAsync(cancellationToken));

    /// <summary>JSON as sent; a body that is not JSON is taken as a GARTH_TOKEN string.</summary>
    private static async Task<JsonElement> ReadTokenBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxTokenBodyBytes)
        {
            throw new GarminTokenFormatException("body", $"The token body is larger than {MaxTokenBodyBytes / 1024} KB.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxTokenBodyBytes)
            {
                throw new GarminTokenFormatException("body", $"The token body is larger than {MaxTokenBodyBytes / 1024} KB.");
            }

            buffer.Write(chunk, 0, read);
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).Trim();
        if (text.Length == 0)
        {
            throw new GarminTokenFormatException("body", "The body is empty: send a token file's JSON or a GARTH_TOKEN string.");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException) when (text[0] is not '{' and not '[' and not '"')
        {
            return JsonSerializer.SerializeToElement(text);
        }
        catch (JsonException exception)
        {
            throw new GarminTokenFormatException("body", $"The body is not valid JSON (line {exception.LineNumber + 1}).");
        }
    }
}
