using Crm.Api.Infrastructure;
using Crm.Engine.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.Tests.Infrastructure;

public sealed class BusyDealHandlerTests
{
    private static DefaultHttpContext Context() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    [Fact]
    public async Task ADealThatKeptLosingRaces_IsA503ToRetry_NotA500()
    {
        var http = Context();

        var handled = await new BusyDealHandler().TryHandleAsync(http, new DealConcurrencyException("busy"), CancellationToken.None);

        handled.ShouldBeTrue();
        http.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        http.Response.Headers.RetryAfter.ToString().ShouldBe("1");
    }

    [Fact]
    public async Task AnyOtherFailure_IsLeftToTheDefaultHandler() =>
        (await new BusyDealHandler().TryHandleAsync(Context(), new InvalidOperationException("bug"), CancellationToken.None)).ShouldBeFalse();
}
