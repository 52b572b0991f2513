using Crm.Engine.Runtime;
using Crm.Testing;

namespace Crm.Engine.Tests.Activities;

public sealed class AssignActivityTests
{
    private static Flowchart AssignFirst(string strategy, string? teamId = null, string? userId = null) => TestFlowcharts.Compile(new FunnelBuilder()
        .Assign("assign", strategy, teamId, userId)
        .Stage("new", "Done")
        .End("won", "won")
        .Connect("assign", "Done", "new")
        .Connect("new", "Done", "won")
        .Build());

    [Fact]
    public void Start_RoundRobin_GivesDealsToTheTeamsManagersInTurn()
    {
        var flow = AssignFirst("roundRobin", teamId: FakeActivityEnvironment.Sales);
        var environment = FakeActivityEnvironment.SalesTeam();

        var owners = Enumerable.Range(1, 4)
            .Select(i => new DealDriver(flow, environment: environment))
            .Select((driver, i) =>
            {
                driver.Start(ownerId: null, teamId: null, id: $"deal-{i}");
                return driver.Deal.OwnerId;
            })
            .ToList();

        owners.ShouldBe([FakeActivityEnvironment.Anna, FakeActivityEnvironment.Boris, FakeActivityEnvironment.Anna, FakeActivityEnvironment.Boris]);
    }

    [Fact]
    public void Start_RoundRobinWithoutTeamSetting_UsesTheDealsTeam()
    {
        var driver = new DealDriver(AssignFirst("roundRobin"));

        driver.Start(ownerId: null, teamId: FakeActivityEnvironment.Sales);

        driver.Deal.OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
        driver.Deal.TeamId.ShouldBe(FakeActivityEnvironment.Sales);
        driver.Deal.ActivityId.ShouldBe("new");
        driver.Events.ShouldContain(e => e.Kind == "assigned" && Equals(e.Details["to"], FakeActivityEnvironment.Anna));
    }

    [Fact]
    public void Start_AssignToUser_MakesThatUserTheOwnerInTheirTeam()
    {
        var driver = new DealDriver(AssignFirst("user", userId: FakeActivityEnvironment.Boris));

        driver.Start(ownerId: FakeActivityEnvironment.Anna, teamId: null);

        driver.Deal.OwnerId.ShouldBe(FakeActivityEnvironment.Boris);
        driver.Deal.TeamId.ShouldBe(FakeActivityEnvironment.Sales);
    }

    [Fact]
    public void Start_AssignToUserWhoCannotOwnDeals_IsRefused()
    {
        var driver = new DealDriver(AssignFirst("user", userId: "ghost"));

        var result = driver.Start();

        result.Succeeded.ShouldBeFalse();
        result.Error!.Code.ShouldBe("assignee-unknown");
    }

    [Fact]
    public void Start_AssignToQueue_LeavesTheDealUnownedInTheTeamQueue()
    {
        var driver = new DealDriver(AssignFirst("queue", teamId: FakeActivityEnvironment.Sales));

        driver.Start(ownerId: FakeActivityEnvironment.Anna, teamId: null);

        driver.Deal.OwnerId.ShouldBeNull();
        driver.Deal.TeamId.ShouldBe(FakeActivityEnvironment.Sales);
        driver.Deal.ActivityId.ShouldBe("new");
    }
}
