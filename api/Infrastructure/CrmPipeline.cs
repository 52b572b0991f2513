using Crm.Api.Activities;
using Crm.Api.Alerts;
using Crm.Api.Audit;
using Crm.Api.Auth;
using Crm.Api.Calendars;
using Crm.Api.Compliance;
using Crm.Api.Clients;
using Crm.Api.Deals;
using Crm.Api.Dictionaries;
using Crm.Api.Files;
using Crm.Api.Directory;
using Crm.Api.Plans;
using Crm.Api.Import;
using Crm.Api.Interactions;
using Crm.Api.Leads;
using Crm.Api.Search;
using Crm.Api.Workflows;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Crm.Api.Infrastructure;

public static class CrmPipeline
{
    /// <summary>Middleware and endpoints, grouped by resource.</summary>
    public static WebApplication UseCrm(this WebApplication app)
    {
        app.UseCrmWebEdge(app.Services.GetRequiredService<IOptions<CrmOptions>>().Value.ForwardedHeaders);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimits();
        app.UseNulFreeQueries();
        // Before authorization: the app's files are public, and the fallback policy would otherwise demand a token for them.
        var designer = ServeDesignerFiles(app);
        AnswerMissingFiles(app);
        // Before authentication: a website's preflight carries no token and is answered here.
        app.UseCors();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseActingParty();
        app.UseRateLimiter();

        app.MapAuthEndpoints();
        app.MapPasswordEndpoints();
        app.MapDirectoryEndpoints();
        app.MapWorkflowEndpoints();
        app.MapDealEndpoints();
        app.MapDealBoardEndpoints();
        app.MapDealHousekeepingEndpoints();
        app.MapAlertEndpoints();
        app.MapCalendarEndpoints();
        app.MapDirectoryEditEndpoints();
        app.MapDictionaryEndpoints();
        app.MapClientEndpoints();
        app.MapContactEndpoints();
        app.MapInteractionEndpoints();
        app.MapFileEndpoints();
        app.MapSearchEndpoints();
        app.MapLeadEndpoints();
        app.MapImportEndpoints();
        app.MapAuditEndpoints();
        app.MapHub<Hubs.AlertHub>(Hubs.AlertHub.Path);
        app.MapComplianceEndpoints();
        app.MapPlanEndpoints();
        app.MapActivityEndpoints();
        app.MapCrmHealth();
        app.MapGet("/api/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapFallback("/api/{**path}", () => Problems.NotFound("No such API endpoint.")).AllowAnonymous();

        MapDesignerFallback(app, designer);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            if (app.Services.GetRequiredService<IOptions<CrmOptions>>().Value.SeedsDemoData(app.Environment))
                app.Logger.LogInformation("Crm is running at {Urls} (demo sign-in: anna@crm.local / demo)", urls);
            else
                app.Logger.LogInformation("Crm is running at {Urls}", urls);
        });
        return app;
    }

    /// <summary>Serves the browser app's build (designer/dist) at the root.</summary>
    private static PhysicalFileProvider? ServeDesignerFiles(WebApplication app)
    {
        var dist = FindDesignerBuild(app.Environment.ContentRootPath);
        if (dist is null)
            return null;
        var files = new PhysicalFileProvider(dist);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return files;
    }

    /// <summary>
    /// A file the app does not have (/favicon.ico, /assets/old.js) is 404 to anyone, not 401: the fallback policy would
    /// otherwise ask a browser for a token to fetch a file. Not an endpoint, which would keep the static files from serving.
    /// </summary>
    private static void AnswerMissingFiles(WebApplication app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null && Path.HasExtension(context.Request.Path.Value))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });

    /// <summary>Client-side routes (/designer, /deals/42) fall back to index.html.</summary>
    private static void MapDesignerFallback(WebApplication app, PhysicalFileProvider? files)
    {
        if (files is null)
        {
            app.MapGet("/", () => Results.Text("Crm API is running. The browser app is not built: run `npm run build` in designer/.", "text/plain"))
                .AllowAnonymous();
            return;
        }
        app.MapFallbackToFile("{**path:nonfile}", "index.html", new StaticFileOptions { FileProvider = files }).AllowAnonymous();
    }

    private static string? FindDesignerBuild(string contentRoot)
    {
        foreach (var candidate in new[] { Path.Combine(contentRoot, "wwwroot"), Path.Combine(contentRoot, "..", "designer", "dist") })
        {
            if (File.Exists(Path.Combine(candidate, "index.html")))
                return Path.GetFullPath(candidate);
        }
        return null;
    }
}
