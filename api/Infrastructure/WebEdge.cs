using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Crm.Api.Infrastructure;

/// <summary>What every response carries and who is believed about the client's address: the edge between the browser and the API.</summary>
public static class WebEdge
{
    /// <summary>
    /// The browser app loads only its own scripts and styles, talks only to its own origin (SignalR over WebSockets included)
    /// and may not be framed. React sets styles through the DOM, which <c>style-src 'self'</c> allows.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; " +
        "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Parsed while wiring, so a mistyped address stops the host at start rather than failing every request.</summary>
    public static IServiceCollection AddCrmForwardedHeaders(this IServiceCollection services, ForwardedHeadersSettings settings)
    {
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address
            : throw new InvalidOperationException($"Crm:ForwardedHeaders:KnownProxies: '{p}' is not an IP address.")).ToArray();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network) ? network
            : throw new InvalidOperationException($"Crm:ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR form (10.0.0.0/8).")).ToArray();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback is trusted by default; here only what the operator names is, so a client's own header counts for nothing.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
            // A chain of known proxies is walked back to the first address none of them is.
            options.ForwardLimit = null;
        });
    }

    /// <summary>First in the pipeline: the client address the rate limits see, and the headers on every answer, errors included.</summary>
    public static WebApplication UseCrmWebEdge(this WebApplication app, ForwardedHeadersSettings proxies)
    {
        if (proxies.Any)
            app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            // On starting, so answers rewritten by the exception handler or the status-code pages keep them.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}
