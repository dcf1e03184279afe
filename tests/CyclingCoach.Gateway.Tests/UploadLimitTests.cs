using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CyclingCoach.Gateway.Tests;

/// <summary>
/// The gateway lets an upload as large as Sync accepts through (Sync:Import:MaxUploadBytes, 64 MiB and the multipart
/// framing): Kestrel's 30 MB default made Sync's limit unreachable. On a real Kestrel server, where that limit lives.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class UploadLimitTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_40_MB_upload_reaches_the_service_and_one_past_the_limit_is_refused()
    {
        await using var gateway = fixture.CreateGateway();
        gateway.UseKestrel(0);
        gateway.StartServer();
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", fixture.ApiKey);
        client.Timeout = TimeSpan.FromMinutes(2);

        using var upload = await client.PostAsync("/api/workouts/import", new ByteArrayContent(new byte[40 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(40 * 1024 * 1024, (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bodyBytes").GetInt64());

        // One past the limit is answered 413 from its Content-Length, before the body is sent (which is why a raw
        // socket: HttpClient would still be writing the body when the gateway answers and closes).
        using var socket = new TcpClient();
        await socket.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/workouts/import HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {fixture.ApiKey}\r\n" +
            $"Content-Type: application/octet-stream\r\nContent-Length: {(64 * 1024 * 1024) + (128 * 1024)}\r\n\r\n"));
        await stream.WriteAsync(new byte[1024]);
        var answer = new byte[512];
        var read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(answer, 0, read));
    }
}
