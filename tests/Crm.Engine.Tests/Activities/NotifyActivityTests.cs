using Crm.Engine.Alerts;
using Crm.Engine.Runtime;
using Crm.Testing;

namespace Crm.Engine.Tests.Activities;

public sealed class NotifyActivityTests
{
    private static Flowchart WithNotify(string audience) => TestFlowcharts.Compile(new FunnelBuilder()
        .Stage("new", "Done")
        .Notify("tell", audience, "A large proposal went out")
        .Stage("presentation", "Done")
        .End("won", "won")
        .Connect("new", "Done", "tell")
        .Connect("tell", "Done", "presentation")
        .Connect("presentation", "Done", "won")
        .Build());

    [Theory]
    [InlineData(AlertAudience.Owner)]
    [InlineData(AlertAudience.Head)]
    public void Move_ThroughNotify_RaisesOneNotificationForTheAudienceAndGoesOn(string audience)
    {
        var driver = new DealDriver(WithNotify(audience));
        driver.Start(ownerId: FakeActivityEnvironment.Boris);

        var result = driver.Move("Done", actorId: FakeActivityEnvironment.Boris);

        var alert = result.Changes.Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.Notification);
        alert.Audience.ShouldBe(audience);
        alert.Message.ShouldBe("A large proposal went out");
        alert.DealId.ShouldBe(driver.Deal.Id);
        alert.OwnerId.ShouldBe(FakeActivityEnvironment.Boris);
        alert.TeamId.ShouldBe(FakeActivityEnvironment.Sales);
        alert.RaisedAt.ShouldBe(driver.Now);
        driver.Deal.ActivityId.ShouldBe("presentation");
    }
}
