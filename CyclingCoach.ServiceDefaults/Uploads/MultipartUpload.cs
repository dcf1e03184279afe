using System.Diagnostics.CodeAnalysis;
using CyclingCoach.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CyclingCoach.ServiceDefaults.Uploads;

/// <summary>
/// Reads the multipart form of a file upload within a service's <see cref="UploadLimits"/>, cheapest checks first:
/// the media type (415), the declared length (413), the body as it arrives (413 past the limit, 400 when it is not
/// readable multipart), then the file parts (400 when there is none, 413 for a file over the limit). The parts are
/// spooled by the form reader (to disk above 64 KiB), so the caller streams a file instead of holding it whole.
/// Each API words its own ProblemDetails for a <see cref="UploadRefusal"/> (its status and type are fixed here).
/// </summary>
public static class MultipartUpload
{
    /// <param name="fileField">The one file part to take (<see cref="UploadRead.File"/>), or null for every file part.</param>
    public static async Task<UploadRead> ReadAsync(HttpContext context, UploadLimits limits, string? fileField, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.HasFormContentType || !(request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return Refused(UploadRefusalKind.NotMultipart);
        }

        if (request.ContentLength > limits.MaxBodyBytes)
        {
            return Refused(UploadRefusalKind.TooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxBodyBytes;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(
                new FormOptions { MultipartBodyLengthLimit = limits.MaxBodyBytes, ValueCountLimit = limits.ValueCountLimit }, cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(UploadRefusalKind.TooLarge);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(UploadRefusalKind.TooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Refused(UploadRefusalKind.Malformed, e.Message);
        }

        if (fileField is null)
        {
            return form.Files.Count == 0 ? Refused(UploadRefusalKind.NoFile) : new UploadRead(form, null, null);
        }

        return form.Files.GetFile(fileField) switch
        {
            null => Refused(UploadRefusalKind.NoFile),
            { Length: var length } when length > limits.MaxFileBytes => Refused(UploadRefusalKind.TooLarge),
            var file => new UploadRead(form, file, null),
        };
    }

    private static UploadRead Refused(UploadRefusalKind kind, string? reason = null) => new(null, null, new UploadRefusal(kind, reason));
}

/// <summary>
/// A service's upload limits: <see cref="MaxFileBytes"/> for the file, the body that plus
/// <see cref="MultipartOverheadBytes"/> (boundaries, part headers, small fields), at most
/// <see cref="ValueCountLimit"/> parts.
/// </summary>
public sealed record UploadLimits(long MaxFileBytes)
{
    public long MultipartOverheadBytes { get; init; } = 64 * 1024;

    public int ValueCountLimit { get; init; } = 64;

    public long MaxBodyBytes => MaxFileBytes + MultipartOverheadBytes;
}

/// <summary>The form of an accepted upload (and its <see cref="File"/> when one part was asked for), or why it was refused.</summary>
public sealed record UploadRead(IFormCollection? Form, IFormFile? File, UploadRefusal? Refusal)
{
    [MemberNotNullWhen(false, nameof(Refusal))]
    [MemberNotNullWhen(true, nameof(Form))]
    public bool Accepted => Refusal is null;
}

public enum UploadRefusalKind
{
    /// <summary>Not <c>multipart/form-data</c>.</summary>
    NotMultipart,

    /// <summary>The body or the file is over the limit.</summary>
    TooLarge,

    /// <summary>The body is not readable multipart (<see cref="UploadRefusal.Reason"/> says why).</summary>
    Malformed,

    /// <summary>No file part (or not the one asked for).</summary>
    NoFile,
}

/// <summary>Why an upload was refused, with the status and ProblemDetails type every API answers it with.</summary>
public sealed record UploadRefusal(UploadRefusalKind Kind, string? Reason)
{
    public int Status => Kind switch
    {
        UploadRefusalKind.NotMultipart => StatusCodes.Status415UnsupportedMediaType,
        UploadRefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    public string Type => Kind switch
    {
        UploadRefusalKind.NotMultipart => ProblemTypes.UnsupportedMediaType,
        UploadRefusalKind.TooLarge => ProblemTypes.TooLarge,
        UploadRefusalKind.Malformed => ProblemTypes.MalformedBody,
        _ => ProblemTypes.Validation,
    };

    /// <summary>The detail a malformed body gets: what the multipart reader said.</summary>
    public string MalformedDetail => $"The multipart body cannot be read: {Reason}";
}
