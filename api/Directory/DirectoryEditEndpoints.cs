using Crm.Api.Cluster;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Directory;

/// <summary>
/// Admins change people and teams. In both bodies a null leaves the value as it is; an empty string clears a team or a head.
/// </summary>
public static class DirectoryEditEndpoints
{
    public sealed record UserChange(string? Name, string? Role, string? TeamId, bool? Active);

    public sealed record TeamChange(string? Name, string? HeadId);

    public static void MapDirectoryEditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/users/{id}", async (string id, UserChange body, HttpContext http, CrmDbContext db, UserDirectory directory, SharedState shared, CancellationToken ct) =>
        {
            var caller = http.Caller();
            if (!caller.IsAdmin)
                return Problems.Forbidden("Only admins edit users.");
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (user is null)
                return Problems.NotFound($"User '{id}' does not exist.");
            var errors = new Dictionary<string, string[]>();
            if (body.Name is not null && (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > TextLimits.Name))
                errors["name"] = [$"A name is 1 to {TextLimits.Name} characters."];
            if (body.Role is not null && !Roles.IsKnown(body.Role))
                errors["role"] = ["Role must be admin, head or manager."];
            if (body.TeamId is { Length: > 0 } team && directory.FindTeam(team) is null)
                errors["teamId"] = [$"Team '{team}' does not exist."];
            // An admin who demotes or deactivates themselves could leave nobody able to undo it.
            if (id == caller.Id && (body.Active == false || body.Role is not (null or Roles.Admin)))
                errors["role"] = ["You cannot demote or deactivate yourself; ask another admin."];
            var led = directory.TeamsLedBy(id);
            if (led.Count > 0 && ((body.Role is not null && body.Role != Roles.Head) || body.Active == false))
                errors["role"] = [$"'{id}' heads {string.Join(", ", led)}; give the team another head first."];
            if (errors.Count > 0)
                return Problems.Validation(errors);
            if (expected is { } version && version != user.Version)
                return Problems.Conflict($"The user has changed (version {user.Version}, you sent {version}); reload and try again.", "stale-version");
            var access = (user.Role, user.TeamId, user.Active);
            user.Name = body.Name?.Trim() ?? user.Name;
            user.Role = body.Role ?? user.Role;
            user.TeamId = body.TeamId is null ? user.TeamId : body.TeamId.Length == 0 ? null : body.TeamId;
            user.Active = body.Active ?? user.Active;
            // Tokens issued for the old access stop working (TokenAccountCheck).
            if (access != (user.Role, user.TeamId, user.Active))
                user.SecurityStamp = Auth.SecurityStamp.New();
            user.Version++;
            if (!await db.TrySaveAsync(ct))
                return Problems.Conflict("The user changed meanwhile; reload and try again.", "stale-version");
            await shared.DirectoryChangedAsync(ct);
            http.Response.Headers.ETag = $"\"{user.Version}\"";
            return Results.Ok(new { user.Id, user.Email, user.Name, user.Role, user.TeamId, user.Active, user.Version });
        });

        app.MapPut("/api/teams/{id}", async (string id, TeamChange body, HttpContext http, CrmDbContext db, UserDirectory directory, SharedState shared, CancellationToken ct) =>
        {
            if (!http.Caller().IsAdmin)
                return Problems.Forbidden("Only admins edit teams.");
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (team is null)
                return Problems.NotFound($"Team '{id}' does not exist.");
            var errors = new Dictionary<string, string[]>();
            if (body.Name is not null && (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > TextLimits.Name))
                errors["name"] = [$"A name is 1 to {TextLimits.Name} characters."];
            if (body.HeadId is { Length: > 0 } head && directory.Find(head) is not { Role: Roles.Head, Active: true })
                errors["headId"] = [$"'{head}' is not an active head."];
            if (errors.Count > 0)
                return Problems.Validation(errors);
            if (expected is { } version && version != team.Version)
                return Problems.Conflict($"The team has changed (version {team.Version}, you sent {version}); reload and try again.", "stale-version");
            team.Name = body.Name?.Trim() ?? team.Name;
            team.HeadId = body.HeadId is null ? team.HeadId : body.HeadId.Length == 0 ? null : body.HeadId;
            team.Version++;
            if (!await db.TrySaveAsync(ct))
                return Problems.Conflict("The team changed meanwhile; reload and try again.", "stale-version");
            await shared.DirectoryChangedAsync(ct);
            http.Response.Headers.ETag = $"\"{team.Version}\"";
            return Results.Ok(new DirectoryEndpoints.TeamView(team.Id, team.Name, team.HeadId,
                [.. directory.Users.Where(u => u.TeamId == team.Id).Select(u => u.Id).Order(StringComparer.Ordinal)]));
        });
    }
}
