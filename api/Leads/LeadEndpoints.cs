using System.Threading.RateLimiting;
using Crm.Api.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;

namespace Crm.Api.Leads;

public static class LeadEndpoints
{
    public const string RatePolicy = "leads";
    public const string CorsPolicy = "leads";

    public static void MapLeadEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/leads", async (LeadRequest body, LeadIntake intake, CancellationToken ct) =>
                // No Location either: whether the lead opened a deal or joined one stays the team's business.
                (await intake.AcceptAsync(body, ct)).ToHttp(accepted => Results.Json(accepted, statusCode: StatusCodes.Status202Accepted)))
            .AllowAnonymous()
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RatePolicy);

    /// <summary>The configured websites may post a lead from their pages; no other origin, and no other endpoint, gets CORS.</summary>
    public static IServiceCollection AddLeadCors(this IServiceCollection services, LeadOptions options) =>
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. options.AllowedOrigins.Select(o => o.Trim().TrimEnd('/'))])
            .WithMethods(HttpMethods.Post)
            .WithHeaders("Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

    /// <summary>A fixed window per client address: a website form is public, so one address cannot flood the team's queue.</summary>
    public static IServiceCollection AddLeadRateLimit(this IServiceCollection services, LeadOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.PermitsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.TooManyRequests($"Too many requests from your address; try again in {(int)Math.Ceiling(retry.TotalSeconds)} seconds.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
}
