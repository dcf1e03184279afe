using System.Net.Http.Headers;
using CyclingCoach.ServiceDefaults.Problems;
using CyclingCoach.ServiceDefaults.Uploads;
using Microsoft.AspNetCore.Http;

namespace CyclingCoach.ServiceDefaults.Tests.Uploads;

public sealed class MultipartUploadTests
{
    private static readonly UploadLimits Limits = new(1000) { MultipartOverheadBytes = 1000, ValueCountLimit = 4 };

    private static async Task<HttpContext> RequestAsync(HttpContent content, bool declareLength = true)
    {
        var body = await content.ReadAsByteArrayAsync();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = content.Headers.ContentType?.ToString();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = declareLength ? body.Length : null;
        return context;
    }

    private static MultipartFormDataContent Form(params (string Field, string FileName, int Bytes)[] files)
    {
        var form = new MultipartFormDataContent("test-boundary");
        foreach (var (field, fileName, bytes) in files)
        {
            form.Add(new ByteArrayContent(new byte[bytes]), field, fileName);
        }

        return form;
    }

    private static async Task<UploadRefusal?> RefusalOfAsync(HttpContent content, string? fileField = "file", bool declareLength = true) =>
        (await MultipartUpload.ReadAsync(await RequestAsync(content, declareLength), Limits, fileField, CancellationToken.None)).Refusal;

    [Fact]
    public async Task The_one_file_is_returned_with_its_name_and_bytes()
    {
        var form = Form(("file", "ride.gpx", 1000));
        form.Add(new StringContent("Col du Test"), "name");

        var upload = await MultipartUpload.ReadAsync(await RequestAsync(form), Limits, "file", CancellationToken.None);

        Assert.True(upload.Accepted);
        Assert.Equal("ride.gpx", upload.File!.FileName);
        Assert.Equal(1000, upload.File.Length);
        Assert.Equal("Col du Test", upload.Form["name"].ToString());
    }

    [Fact]
    public async Task Every_file_part_is_returned_when_no_field_is_named()
    {
        var upload = await MultipartUpload.ReadAsync(
            await RequestAsync(Form(("file", "a.fit", 10), ("other", "b.fit", 10))), Limits, fileField: null, CancellationToken.None);

        Assert.True(upload.Accepted);
        Assert.Equal(["a.fit", "b.fit"], upload.Form.Files.Select(f => f.FileName));
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_415()
    {
        var refusal = await RefusalOfAsync(new StringContent("""{"file":"x"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((UploadRefusalKind.NotMultipart, 415, ProblemTypes.UnsupportedMediaType), (refusal!.Kind, refusal.Status, refusal.Type));
    }

    [Fact]
    public async Task A_url_encoded_form_is_415()
    {
        var refusal = await RefusalOfAsync(new FormUrlEncodedContent([new("file", "x")]));

        Assert.Equal(UploadRefusalKind.NotMultipart, refusal!.Kind);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_413_before_anything_is_read()
    {
        var refusal = await RefusalOfAsync(Form(("file", "big.gpx", 2500)));

        Assert.Equal((UploadRefusalKind.TooLarge, 413, ProblemTypes.TooLarge), (refusal!.Kind, refusal.Status, refusal.Type));
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_declared_length_is_413()
    {
        var refusal = await RefusalOfAsync(Form(("file", "big.gpx", 2500)), declareLength: false);

        Assert.Equal(UploadRefusalKind.TooLarge, refusal!.Kind);
    }

    [Fact]
    public async Task A_file_over_the_limit_inside_the_framing_allowance_is_413()
    {
        var refusal = await RefusalOfAsync(Form(("file", "big.gpx", 1001)));

        Assert.Equal(UploadRefusalKind.TooLarge, refusal!.Kind);
    }

    [Fact]
    public async Task More_parts_than_allowed_is_413()
    {
        var refusal = await RefusalOfAsync(Form(("file", "a", 1), ("file", "b", 1), ("file", "c", 1), ("file", "d", 1), ("file", "e", 1)), fileField: null);

        Assert.Equal(UploadRefusalKind.TooLarge, refusal!.Kind);
    }

    [Fact]
    public async Task A_broken_multipart_body_is_400_malformed_saying_why()
    {
        var content = new ByteArrayContent("--test-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.gpx\"\r\n\r\nno closing boundary"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=test-boundary");

        var refusal = await RefusalOfAsync(content);

        Assert.Equal((UploadRefusalKind.Malformed, 400, ProblemTypes.MalformedBody), (refusal!.Kind, refusal.Status, refusal.Type));
        Assert.StartsWith("The multipart body cannot be read: ", refusal.MalformedDetail, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Reason));
    }

    [Fact]
    public async Task A_form_without_the_file_part_is_400()
    {
        var form = Form(("attachment", "ride.gpx", 10));

        var refusal = await RefusalOfAsync(form);

        Assert.Equal((UploadRefusalKind.NoFile, 400, ProblemTypes.Validation), (refusal!.Kind, refusal.Status, refusal.Type));
    }

    [Fact]
    public async Task A_form_without_any_file_is_400_when_any_file_would_do()
    {
        var form = new MultipartFormDataContent("test-boundary") { { new StringContent("x"), "name" } };

        var refusal = await RefusalOfAsync(form, fileField: null);

        Assert.Equal(UploadRefusalKind.NoFile, refusal!.Kind);
    }
}
