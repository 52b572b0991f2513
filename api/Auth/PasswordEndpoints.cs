using System.Security.Cryptography;
using Crm.Api.Cluster;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Auth;

/// <summary>Everyone changes their own password; an admin resets someone's to a one-time password they must change.</summary>
public static class PasswordEndpoints
{
    public const string ChangePath = "/api/me/password";

    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    public sealed record PasswordReset(string UserId, string OneTimePassword, bool MustChangePassword);

    // No look-alikes (0/O, 1/l/I): the admin reads it out or types it into a message.
    private const string OneTimeAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewOneTimePassword() => RandomNumberGenerator.GetString(OneTimeAlphabet, 16);

    public static void MapPasswordEndpoints(this IEndpointRouteBuilder app)
    {
        // Answers a fresh token: the change ends every token issued before it, this request's included.
        app.MapPut(ChangePath, async (PasswordChange body, HttpContext http, CrmDbContext db, PasswordSignIn signIn, TokenIssuer issuer,
            SharedState shared, IClock clock, CancellationToken ct) =>
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == http.Caller().Id, ct);
            if (user is null)
                return Problems.NotFound("You no longer exist.");
            var now = clock.GetCurrentInstant();
            // The current password is a password guess too: it counts toward the same lockout as sign-in.
            if (user.LockedUntil is { } locked && locked > now)
                return AuthEndpoints.Locked(http, locked, now);
            if (string.IsNullOrEmpty(body.CurrentPassword) || !PasswordHasher.Verify(body.CurrentPassword, user.PasswordHash))
            {
                await signIn.RecordFailureAsync(user.Id, now, ct);
                return Problems.Validation(new() { ["currentPassword"] = ["The current password is wrong; nothing was changed."] });
            }
            if (PasswordRules.Problem(body.NewPassword, user.Email) is { } problem)
                return Problems.Validation(new() { ["newPassword"] = [problem] });
            if (body.NewPassword == body.CurrentPassword)
                return Problems.Validation(new() { ["newPassword"] = ["The new password must differ from the current one."] });
            user.PasswordHash = PasswordHasher.Hash(body.NewPassword!);
            user.MustChangePassword = false;
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            user.SecurityStamp = SecurityStamp.New();
            user.Version++;
            if (!await db.TrySaveAsync(ct))
                return Problems.Conflict("Your account changed meanwhile; try again.", "stale-version");
            await shared.DirectoryChangedAsync(ct);
            return Results.Ok(AuthEndpoints.Token(issuer, user));
        });

        app.MapPost("/api/users/{id}/password-reset", async (string id, HttpContext http, CrmDbContext db, SharedState shared, CancellationToken ct) =>
        {
            if (!http.Caller().IsAdmin)
                return Problems.Forbidden("Only admins reset passwords.");
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (user is null)
                return Problems.NotFound($"User '{id}' does not exist.");
            var oneTime = NewOneTimePassword();
            user.PasswordHash = PasswordHasher.Hash(oneTime);
            user.MustChangePassword = true;
            // A reset is how an admin lets a locked-out person back in.
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            user.SecurityStamp = SecurityStamp.New();
            user.Version++;
            if (!await db.TrySaveAsync(ct))
                return Problems.Conflict("The user changed meanwhile; try again.", "stale-version");
            await shared.DirectoryChangedAsync(ct);
            return Results.Ok(new PasswordReset(user.Id, oneTime, true));
        });
    }
}
