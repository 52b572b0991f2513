using System.Globalization;
using System.Threading.RateLimiting;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;

namespace Crm.Api.Auth;

public static class AuthEndpoints
{
    public const string RatePolicy = "sign-in";

    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record UserView(string Id, string Name, string Email, string Role, string? TeamId, bool MustChangePassword, int? DailyActivityLimit = null);

    /// <summary>With <paramref name="MustChangePassword"/>, the token is good only for choosing a new password and reading <c>/api/me</c>.</summary>
    public sealed record TokenResponse(string AccessToken, Instant ExpiresAt, UserView User, bool MustChangePassword);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (TokenRequest request, PasswordSignIn signIn, TokenIssuer issuer, IClock clock, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
                return Problems.Validation(new() { ["email"] = ["E-mail and password are required."] });
            var email = request.Email.Trim().ToLowerInvariant();
            return await signIn.SignInAsync(email, request.Password, ct) switch
            {
                SignInOutcome.SignedIn(var user) => Results.Ok(Token(issuer, user)),
                SignInOutcome.Locked(var until) => Locked(http, until, clock.GetCurrentInstant()),
                _ => Problems.Unauthorized("Wrong e-mail or password."),
            };
        }).AllowAnonymous().RequireRateLimiting(RatePolicy);
    }

    public static UserView View(UserRecord u) => new(u.Id, u.Name, u.Email, u.Role, u.TeamId, u.MustChangePassword, u.DailyActivityLimit);

    public static TokenResponse Token(TokenIssuer issuer, UserRecord user)
    {
        var (token, expires) = issuer.Issue(user);
        return new TokenResponse(token, expires, View(user), user.MustChangePassword);
    }

    /// <summary>429 with Retry-After and the problem code <c>locked</c>: the same whether the password was right or not.</summary>
    public static IResult Locked(HttpContext http, Instant until, Instant now)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling((until - now).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.TooManyRequests($"Too many wrong passwords; sign-in is locked until {until}.", "locked",
            new() { ["lockedUntil"] = until.ToString(), ["retryAfterSeconds"] = seconds });
    }

    /// <summary>A fixed window per client address on sign-in, so that one address cannot try passwords at speed.</summary>
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, SignInOptions options) =>
        // The rejection itself (429, Retry-After, problem body) is the limiter's shared OnRejected (see LeadEndpoints).
        services.AddRateLimiter(limiter => limiter.AddPolicy(RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.PermitsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
}
