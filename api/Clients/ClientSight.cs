using Crm.Api.Auth;
using Crm.Api.Deals;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Clients;

/// <summary>
/// Who works with a client, and so sees its whole journal and its files, on every deal: admins; the responsible manager;
/// the head of the responsible manager's team; anyone who sees one of the client's deals (as <see cref="DealSight"/>
/// decides). The client's card itself stays shared by the company (import and duplicate checks match against it).
/// </summary>
public static class ClientSight
{
    public static async Task<bool> WorksWithAsync(this CrmDbContext db, Caller caller, UserDirectory directory, string clientId, string? responsibleId, CancellationToken ct)
    {
        if (caller.IsAdmin || (responsibleId is not null && responsibleId == caller.Id))
            return true;
        if (caller.IsHead && responsibleId is not null && directory.TeamOf(responsibleId) is { } team && directory.TeamsLedBy(caller.Id).Contains(team))
            return true;
        return await db.Deals.AsNoTracking().VisibleTo(caller, directory).AnyAsync(d => d.ClientId == clientId, ct);
    }
}
