using System.Text.Json;
using Crm.Engine.Runtime;
using Crm.Testing;

namespace Crm.Engine.Tests.Activities;

public sealed class DecisionActivityTests
{
    private static Flowchart Branching(string condition) => TestFlowcharts.Compile(new FunnelBuilder()
        .Stage("new", "Done")
        .Decision("check", condition)
        .Stage("yes", "Done")
        .Stage("no", "Done")
        .End("won", "won")
        .Connect("new", "Done", "check")
        .Connect("check", "True", "yes")
        .Connect("check", "False", "no")
        .Connect("yes", "Done", "won")
        .Connect("no", "Done", "won")
        .Build());

    [Theory]
    [InlineData(1_000_000, "yes")]
    [InlineData(2_500_000, "yes")]
    [InlineData(999_999.99, "no")]
    [InlineData(0, "no")]
    public void Move_IntoDecisionOnAmount_FollowsTheBranchTheAmountSelects(decimal amount, string expected)
    {
        var driver = new DealDriver(Branching("deal.amount >= 1000000"));
        driver.Start(amount: amount);

        driver.Move("Done");

        driver.Deal.ActivityId.ShouldBe(expected);
    }

    [Fact]
    public void Move_IntoDecisionOnAmount_NoAmountTakesTheFalseBranch()
    {
        var driver = new DealDriver(Branching("deal.amount >= 1000000"));
        driver.Start(amount: null);

        driver.Move("Done");

        driver.Deal.ActivityId.ShouldBe("no");
    }

    [Theory]
    [InlineData("\"north\"", "yes")]
    [InlineData("\"south\"", "no")]
    [InlineData(null, "no")]
    public void Move_IntoDecisionOnACustomField_FollowsTheBranchTheFieldSelects(string? regionJson, string expected)
    {
        var driver = new DealDriver(Branching("deal.fields.region == \"north\""));
        var fields = regionJson is null
            ? new Dictionary<string, JsonElement>()
            : new Dictionary<string, JsonElement> { ["region"] = JsonDocument.Parse(regionJson).RootElement.Clone() };
        driver.Start(fields: fields);

        driver.Move("Done");

        driver.Deal.ActivityId.ShouldBe(expected);
    }

    [Fact]
    public void Start_DecisionFirst_RestsOnTheStageItSelects()
    {
        var flow = TestFlowcharts.Compile(new FunnelBuilder()
            .Decision("check", "deal.fields.employees > 50")
            .Stage("enterprise", "Done")
            .Stage("smb", "Done")
            .End("won", "won")
            .Connect("check", "True", "enterprise")
            .Connect("check", "False", "smb")
            .Connect("enterprise", "Done", "won")
            .Connect("smb", "Done", "won")
            .Build());
        var driver = new DealDriver(flow);

        driver.Start(fields: new Dictionary<string, JsonElement> { ["employees"] = JsonSerializer.SerializeToElement(120) });

        driver.Deal.ActivityId.ShouldBe("enterprise");
        driver.Deal.Bookmark.ShouldBe(BookmarkKind.Outcome);
    }
}
