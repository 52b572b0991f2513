using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Auth;

public static class AuthEndpoints
{
    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record UserView(string Id, string Name, string Email, string Role, string? TeamId);

    public sealed record TokenResponse(string AccessToken, Instant ExpiresAt, UserView User);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (TokenRequest request, CrmDbContext db, TokenIssuer issuer, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
                return Problems.Validation(new() { ["email"] = ["E-mail and password are required."] });
            var email = request.Email.Trim().ToLowerInvariant();
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct);
            if (user is null || !user.Active || !PasswordHasher.Verify(request.Password, user.PasswordHash))
                return Problems.Unauthorized("Wrong e-mail or password.");
            var (token, expires) = issuer.Issue(user);
            return Results.Ok(new TokenResponse(token, expires, View(user)));
        }).AllowAnonymous();
    }

    public static UserView View(UserRecord u) => new(u.Id, u.Name, u.Email, u.Role, u.TeamId);
}
