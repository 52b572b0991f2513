using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Crm.Api.Infrastructure;

/// <summary>
/// A body or query value the binder could not read (malformed JSON, a wrong type, an instant out of range, a body over
/// its size limit) is the caller's mistake: a 400 (or 413) problem naming the field, never a 500. The binder throws
/// <see cref="BadHttpRequestException"/> for these because <c>ThrowOnBadRequest</c> is on, so that this one place
/// can say which field was wrong.
/// </summary>
internal sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || http.Response.HasStarted)
            return false;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = RequestBodyLimits.LimitOf(http);
            await RequestBodyLimits.TooLarge(limit is { } max ? $"The body may be at most {RequestBodyLimits.Describe(max)}." : "The body is too large.")
                .ExecuteAsync(http);
            return true;
        }
        var (field, message) = Describe(bad);
        await Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            detail: message, title: "The request is not valid.",
            statusCode: bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest).ExecuteAsync(http);
        return true;
    }

    /// <summary>The JSON path of the value that failed (<c>$.nextStep.at</c> → <c>nextStep.at</c>), else "body".</summary>
    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (FindJson(bad) is { } json)
        {
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            var message = json.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            if (cut > 0)
                message = message[..cut];
            if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) || message.Contains("' is an invalid", StringComparison.Ordinal))
                message = field == "body" ? "The body is not valid JSON of the expected shape." : $"'{field}' has the wrong type or format.";
            return (field, message);
        }
        // "Failed to bind parameter "int? limit" from "abc"." and "Required parameter ... was not provided": name the parameter.
        var text = bad.Message;
        var quoted = text.Split('"');
        var name = quoted.Length > 1 ? quoted[1].Split(' ')[^1] : "body";
        if (text.Contains("request body", StringComparison.OrdinalIgnoreCase) || text.Contains("JSON", StringComparison.Ordinal))
            name = "body";
        return (name, text);
    }

    private static JsonException? FindJson(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
                return json;
        }
        return null;
    }
}
