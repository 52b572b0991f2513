using Crm.Engine.Abstractions;
using Microsoft.AspNetCore.Diagnostics;

namespace Crm.Api.Infrastructure;

/// <summary>
/// A command that kept losing version races to another node (after its retries) changed nothing: that is a busy deal,
/// not a server fault. 503 with Retry-After tells the client to send it again, instead of a bare 500.
/// </summary>
internal sealed class BusyDealHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DealConcurrencyException)
            return false;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "1";
        await Results.Problem(
            title: "The deal is busy",
            detail: "Another node kept changing this deal while the command was applied; nothing was changed. Send it again.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            type: "https://crm.local/problems/deal-busy").ExecuteAsync(http);
        return true;
    }
}
