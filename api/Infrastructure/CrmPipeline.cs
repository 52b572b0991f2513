using Crm.Api.Alerts;
using Crm.Api.Auth;
using Crm.Api.Calendars;
using Crm.Api.Compliance;
using Crm.Api.Clients;
using Crm.Api.Deals;
using Crm.Api.Dictionaries;
using Crm.Api.Directory;
using Crm.Api.Plans;
using Crm.Api.Import;
using Crm.Api.Interactions;
using Crm.Api.Leads;
using Crm.Api.Search;
using Crm.Api.Workflows;
using Microsoft.Extensions.FileProviders;

namespace Crm.Api.Infrastructure;

public static class CrmPipeline
{
    /// <summary>Middleware and endpoints, grouped by resource.</summary>
    public static WebApplication UseCrm(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimits();
        app.UseNulFreeQueries();
        // Before authorization: the app's files are public, and the fallback policy would otherwise demand a token for them.
        var designer = ServeDesignerFiles(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapAuthEndpoints();
        app.MapDirectoryEndpoints();
        app.MapWorkflowEndpoints();
        app.MapDealEndpoints();
        app.MapAlertEndpoints();
        app.MapCalendarEndpoints();
        app.MapDirectoryEditEndpoints();
        app.MapDictionaryEndpoints();
        app.MapClientEndpoints();
        app.MapContactEndpoints();
        app.MapInteractionEndpoints();
        app.MapSearchEndpoints();
        app.MapLeadEndpoints();
        app.MapImportEndpoints();
        app.MapHub<Hubs.AlertHub>(Hubs.AlertHub.Path);
        app.MapComplianceEndpoints();
        app.MapPlanEndpoints();
        app.MapCrmHealth();
        app.MapGet("/api/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapFallback("/api/{**path}", () => Problems.NotFound("No such API endpoint.")).AllowAnonymous();

        MapDesignerFallback(app, designer);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("Crm is running at {Urls} (demo sign-in: anna@crm.local / demo)", urls);
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
