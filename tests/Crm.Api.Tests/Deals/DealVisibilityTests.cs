using Crm.Api.Auth;
using Crm.Api.Deals;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Crm.Api.Tests.Persistence;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Tests.Deals;

/// <summary>
/// Who sees which deal has two forms, a query for lists and search and a test of one deal for commands; both come from
/// <see cref="DealSight"/>, and these tests hold them to agree on generated directories.
/// </summary>
public sealed class DealVisibilityTests
{
    [Fact]
    public void Sight_QueryAndInMemoryForms_AgreeOnRandomDirectories() =>
        Prop.ForAll(Directories.ToArbitrary(), directory =>
        {
            var deals = directory.DealRecords();
            foreach (var caller in directory.Callers())
            {
                var sight = DealSight.For(caller, directory.TeamsLedBy(caller.Id));
                var queried = deals.AsQueryable().Where(sight.ToExpression()).Select(d => d.Id).ToHashSet();
                var matched = deals.Where(d => sight.Matches(d.OwnerId, d.TeamId)).Select(d => d.Id).ToHashSet();
                if (!queried.SetEquals(matched))
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public async Task VisibleTo_OnSqlite_AgreesWithCanSee_OnRandomDirectories()
    {
        await using var database = await StoreDatabase.CreateAsync();
        var users = new UserDirectory(database);
        foreach (var directory in Directories.Sample(10, 40))
        {
            await directory.StoreAsync(database);
            await users.ReloadAsync();
            await using var db = database.CreateDbContext();
            foreach (var caller in directory.Callers())
            {
                var queried = await db.Deals.AsNoTracking().VisibleTo(caller, users).Select(d => d.Id).ToListAsync();
                var matched = directory.DealRecords().Where(d => DealVisibility.CanSee(caller, d.OwnerId, d.TeamId, users)).Select(d => d.Id);
                queried.ShouldBe(matched, ignoreOrder: true, $"{caller} in {directory}");
            }
        }
    }

    [Fact]
    public async Task VisibleTo_HeadWhoseOwnTeamIsLedBySomeoneElse_SeesThatTeamsQueueAndTheLedTeamsDeals()
    {
        // Olga heads "south" but is a member of "north", which Ivan heads. She sees north's queue as any member does,
        // all of south's deals, and her own; not the deals north's managers already hold.
        var directory = new GeneratedDirectory(
            Teams: [new("north", "ivan"), new("south", "olga")],
            Users: [new("olga", Roles.Head, "north"), new("ivan", Roles.Head, "north"), new("anna", Roles.Manager, "north"), new("boris", Roles.Manager, "south")],
            Deals: [new("north-queue", null, "north"), new("north-anna", "anna", "north"), new("south-queue", null, "south"),
                new("south-boris", "boris", "south"), new("olga-own", "olga", null)]);
        await using var database = await StoreDatabase.CreateAsync();
        await directory.StoreAsync(database);
        var users = new UserDirectory(database);
        await users.ReloadAsync();
        var olga = directory.Callers().Single(c => c.Id == "olga");
        await using var db = database.CreateDbContext();

        var listed = await db.Deals.AsNoTracking().VisibleTo(olga, users).Select(d => d.Id).ToListAsync();
        var opened = directory.DealRecords().Where(d => DealVisibility.CanSee(olga, d.OwnerId, d.TeamId, users)).Select(d => d.Id);

        string[] expected = ["north-queue", "south-queue", "south-boris", "olga-own"];
        listed.ShouldBe(expected, ignoreOrder: true);
        opened.ShouldBe(expected, ignoreOrder: true);
    }

    private static readonly Gen<GeneratedDirectory> Directories =
        from teamCount in Gen.Choose(1, 3)
        from userCount in Gen.Choose(1, 5)
        from roles in Gen.Elements(Roles.Admin, Roles.Head, Roles.Manager).ArrayOf(userCount)
        from userTeams in Gen.Choose(-1, teamCount - 1).ArrayOf(userCount)
        from heads in Gen.Choose(-1, userCount - 1).ArrayOf(teamCount)
        from dealCount in Gen.Choose(0, 12)
        from owners in Gen.Choose(-1, userCount - 1).ArrayOf(dealCount)
        from dealTeams in Gen.Choose(-1, teamCount - 1).ArrayOf(dealCount)
        select new GeneratedDirectory(
            [.. heads.Select((h, i) => new GeneratedTeam($"t{i}", h < 0 ? null : $"u{h}"))],
            [.. roles.Select((r, i) => new GeneratedUser($"u{i}", r, userTeams[i] < 0 ? null : $"t{userTeams[i]}"))],
            [.. owners.Select((o, i) => new GeneratedDeal($"d{i}", o < 0 ? null : $"u{o}", dealTeams[i] < 0 ? null : $"t{dealTeams[i]}"))]);

    private sealed record GeneratedTeam(string Id, string? HeadId);

    private sealed record GeneratedUser(string Id, string Role, string? TeamId);

    private sealed record GeneratedDeal(string Id, string? OwnerId, string? TeamId);

    private sealed record GeneratedDirectory(GeneratedTeam[] Teams, GeneratedUser[] Users, GeneratedDeal[] Deals)
    {
        public IEnumerable<Caller> Callers() => Users.Select(u => new Caller(u.Id, u.Role, u.TeamId));

        public IReadOnlyList<string> TeamsLedBy(string userId) => [.. Teams.Where(t => t.HeadId == userId).Select(t => t.Id)];

        public List<DealRecord> DealRecords() => [.. Deals.Select(d => new DealRecord
        {
            Id = d.Id, Title = d.Id, WorkflowId = "flow", State = "open", Data = "{}", OwnerId = d.OwnerId, TeamId = d.TeamId,
        })];

        public async Task StoreAsync(StoreDatabase database)
        {
            await using var db = database.CreateDbContext();
            await db.Deals.ExecuteDeleteAsync();
            await db.Users.ExecuteDeleteAsync();
            await db.Teams.ExecuteDeleteAsync();
            db.Teams.AddRange(Teams.Select(t => new TeamRecord { Id = t.Id, Name = t.Id, HeadId = t.HeadId }));
            db.Users.AddRange(Users.Select(u => new UserRecord
            {
                Id = u.Id, Email = $"{u.Id}@crm.local", Name = u.Id, Role = u.Role, TeamId = u.TeamId, PasswordHash = "-",
            }));
            db.Deals.AddRange(DealRecords());
            await db.SaveChangesAsync();
        }

        public override string ToString() =>
            $"teams [{string.Join(", ", Teams.Select(t => $"{t.Id} head {t.HeadId}"))}], users [{string.Join(", ", Users.Select(u => $"{u.Id} {u.Role} of {u.TeamId}"))}], "
            + $"deals [{string.Join(", ", Deals.Select(d => $"{d.Id} of {d.OwnerId}/{d.TeamId}"))}]";
    }
}
