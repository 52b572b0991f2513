using Crm.Api.Auth;
using Crm.Api.Cluster;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Directory;

public static class DirectoryEndpoints
{
    public sealed record NewUser(string? Id, string? Email, string? Name, string? Role, string? TeamId, string? Password);

    public sealed record NewTeam(string? Id, string? Name, string? HeadId);

    public sealed record TeamView(string Id, string Name, string? HeadId, IReadOnlyList<string> Members);

    public static void MapDirectoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext http, UserDirectory directory) =>
            directory.Find(http.Caller().Id) is { } user ? Results.Ok(AuthEndpoints.View(user)) : Problems.NotFound("You no longer exist."));

        app.MapGet("/api/users", (HttpContext http, UserDirectory directory) =>
        {
            var caller = http.Caller();
            if (caller.IsManager)
                return Problems.Forbidden("Only admins and heads list users.");
            var teams = caller.IsHead ? directory.TeamsLedBy(caller.Id) : null;
            var users = directory.Users.Where(u => teams is null || u.Id == caller.Id || (u.TeamId is not null && teams.Contains(u.TeamId)))
                .OrderBy(u => u.Name).Select(AuthEndpoints.View);
            return Results.Ok(users);
        });

        app.MapPost("/api/users", async (NewUser body, HttpContext http, CrmDbContext db, UserDirectory directory, SharedState shared, CancellationToken ct) =>
        {
            if (!http.Caller().IsAdmin)
                return Problems.Forbidden("Only admins create users.");
            var errors = new Dictionary<string, string[]>();
            var email = body.Email?.Trim().ToLowerInvariant();
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
                errors["email"] = ["A valid e-mail is required."];
            if (string.IsNullOrWhiteSpace(body.Name))
                errors["name"] = ["A name is required."];
            TextLimits.Check(errors, "name", body.Name?.Trim(), TextLimits.Name);
            TextLimits.Check(errors, "email", email, TextLimits.Email);
            if (!string.IsNullOrWhiteSpace(body.Id) && !IdRules.IsValid(body.Id.Trim()))
                errors["id"] = [IdRules.Explanation];
            if (!Roles.IsKnown(body.Role))
                errors["role"] = ["Role must be admin, head or manager."];
            if (PasswordRules.Problem(body.Password, email) is { } passwordProblem)
                errors["password"] = [passwordProblem];
            if (body.TeamId is not null && directory.FindTeam(body.TeamId) is null)
                errors["teamId"] = [$"Team '{body.TeamId}' does not exist."];
            if (errors.Count > 0)
                return Problems.Validation(errors);
            var id = string.IsNullOrWhiteSpace(body.Id) ? email!.Split('@')[0] : body.Id.Trim();
            if (id.Length > TextLimits.Id)
                return Problems.Validation(new() { ["id"] = [IdRules.Explanation] });
            if (await db.Users.AnyAsync(u => u.Email == email || u.Id == id, ct))
                return Problems.Conflict("A user with that id or e-mail already exists.", "duplicate");
            var user = new UserRecord { Id = id, Email = email!, Name = body.Name!.Trim(), Role = body.Role!, TeamId = body.TeamId, PasswordHash = PasswordHasher.Hash(body.Password!) };
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
            await shared.DirectoryChangedAsync(ct);
            return Results.Created($"/api/users/{user.Id}", AuthEndpoints.View(user));
        });

        app.MapGet("/api/teams", (HttpContext http, UserDirectory directory) =>
        {
            var caller = http.Caller();
            var visible = directory.Teams.Where(t => caller.IsAdmin || t.HeadId == caller.Id || t.Id == caller.TeamId);
            return Results.Ok(visible.OrderBy(t => t.Name).Select(t => new TeamView(t.Id, t.Name, t.HeadId,
                [.. directory.Users.Where(u => u.TeamId == t.Id).Select(u => u.Id).Order(StringComparer.Ordinal)])));
        });

        app.MapPost("/api/teams", async (NewTeam body, HttpContext http, CrmDbContext db, UserDirectory directory, SharedState shared, CancellationToken ct) =>
        {
            if (!http.Caller().IsAdmin)
                return Problems.Forbidden("Only admins create teams.");
            if (string.IsNullOrWhiteSpace(body.Id) || string.IsNullOrWhiteSpace(body.Name))
                return Problems.Validation(new() { ["id"] = ["A team needs an id and a name."] });
            if (!IdRules.IsValid(body.Id.Trim()))
                return Problems.Validation(new() { ["id"] = [IdRules.Explanation] });
            if (TextLimits.Errors(("name", body.Name.Trim(), TextLimits.Name)) is { Count: > 0 } tooLong)
                return Problems.Validation(tooLong);
            if (body.HeadId is not null && directory.Find(body.HeadId) is not { Role: Roles.Head })
                return Problems.Validation(new() { ["headId"] = [$"'{body.HeadId}' is not a head."] });
            if (await db.Teams.AnyAsync(t => t.Id == body.Id, ct))
                return Problems.Conflict($"Team '{body.Id}' already exists.", "duplicate");
            var team = new TeamRecord { Id = body.Id.Trim(), Name = body.Name.Trim(), HeadId = body.HeadId };
            db.Teams.Add(team);
            await db.SaveChangesAsync(ct);
            await shared.DirectoryChangedAsync(ct);
            return Results.Created($"/api/teams/{team.Id}", new TeamView(team.Id, team.Name, team.HeadId, []));
        });
    }
}
