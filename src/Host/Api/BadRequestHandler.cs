using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ProcessEngine.Host.Api;

/// <summary>
/// A body that is not valid JSON, or a value of the wrong type, becomes a 400 ProblemDetails that names
/// the field by its JSON path ("$.huishouden"), instead of the framework's generic message.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Ours names its limit; the server's own (its 30 MB) is English and generic: both in Dutch, with the limit.
            var limit = bad is BodyTooLargeException ours ? ours.Limit
                : http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            await BodySizeLimitExtensions.TooLarge(limit).ExecuteAsync(http);
            return true;
        }
        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 0 } path ? path : "body";
        var message = json is null ? bad.Message : json.Path is null ? "Dit is geen geldige JSON." : "Deze waarde heeft niet het juiste type of formaat.";
        var problem = Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "De invoer is niet geldig.", statusCode: bad.StatusCode);
        await problem.ExecuteAsync(http);
        return true;
    }
}
