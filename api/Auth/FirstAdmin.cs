using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Auth;

/// <summary>
/// A database without demo data gets its first admin with a one-time password, shown once in the log; a production
/// database that still has demo accounts with the password "demo" says so at every start.
/// </summary>
internal sealed class FirstAdmin(IDbContextFactory<CrmDbContext> contexts, IOptions<CrmOptions> options, ILogger<FirstAdmin> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Role == Roles.Admin, cancellationToken))
            return;
        var email = options.Value.FirstAdminEmail.Trim().ToLowerInvariant();
        if (!email.Contains('@', StringComparison.Ordinal) || await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            logger.LogError("There is no admin, and the first admin's e-mail {Email} is not valid or belongs to someone else: set Crm:FirstAdminEmail.", email);
            return;
        }
        var id = email.Split('@')[0];
        for (var n = 2; await db.Users.AnyAsync(u => u.Id == id, cancellationToken); n++)
            id = $"{email.Split('@')[0]}{n}";
        var password = PasswordEndpoints.NewOneTimePassword();
        db.Users.Add(new UserRecord
        {
            Id = id,
            Email = email,
            Name = "Administrator",
            Role = Roles.Admin,
            PasswordHash = PasswordHasher.Hash(password),
            MustChangePassword = true,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning(
            "FIRST ADMIN CREATED. Sign in as {Email} with the one-time password {OneTimePassword} and choose your own password. " +
            "This password is shown only this once.", email, password);
    }

    public async Task WarnAboutDemoAccountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var demo = await db.Users.AsNoTracking().Where(u => u.Active && DemoSeeder.DemoEmails.Contains(u.Email)).ToListAsync(cancellationToken);
        var open = demo.Where(u => PasswordHasher.Verify(DemoSeeder.DemoPassword, u.PasswordHash)).Select(u => u.Email).Order(StringComparer.Ordinal).ToList();
        if (open.Count > 0)
            logger.LogWarning(
                "Demo accounts with the password 'demo' exist: {Emails}. Anyone can sign in with them: deactivate them or reset their " +
                "passwords (POST /api/users/{{id}}/password-reset).", string.Join(", ", open));
    }
}
