using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Crm.Api.Infrastructure;

/// <summary>
/// Caps every request body, chunked or not: 1 MB unless the endpoint carries its own <see cref="IRequestSizeLimitMetadata"/>
/// (the import's 10 MB, the funnel definitions' 2 MB). Kestrel enforces the cap while the body is read, so a chunked body
/// without Content-Length is stopped too; the reader's exception becomes a 413 in <see cref="BadRequestHandler"/>.
/// </summary>
public static class RequestBodyLimits
{
    public const long DefaultBytes = 1024 * 1024;

    /// <summary>An endpoint's own body limit.</summary>
    public sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Limit(bytes));

    /// <summary>The limit that applies to this request.</summary>
    public static long? LimitOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own ? own.MaxRequestBodySize : DefaultBytes;

    /// <summary>413 naming the body, as a validation problem so clients read it like any other field error.</summary>
    public static IResult TooLarge(string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] },
            detail: "The request body is too large; nothing was changed.", title: "The request is too large.",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    public static string Describe(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var limit = LimitOf(http);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (limit is { } max && http.Request.ContentLength > max)
            {
                await TooLarge($"The body may be at most {Describe(max)}.").ExecuteAsync(http);
                return;
            }
            await next(http);
        });
}
