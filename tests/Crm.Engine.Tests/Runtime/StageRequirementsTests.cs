using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using NodaTime;
using static Crm.Engine.Tests.Runtime.EngineFixture;

namespace Crm.Engine.Tests.Runtime;

public sealed class StageRequirementsTests
{
    private const string Meeting = """{ "interaction": { "kind": "meeting", "fields": ["at", "contact", "topic", "result"] } }""";

    private static string Funnel(string proposalRequires, string presentationRequires = Meeting) => $$"""
        { "id": "f", "name": "F", "start": "proposal",
          "activities": [
            { "id": "proposal", "type": "Stage", "outcomes": ["Sent", "Lost"], "requires": { "Sent": {{proposalRequires}} } },
            { "id": "presentation", "type": "Stage", "outcomes": ["Agreed", "Pause", "Lost"], "requires": { "Agreed": {{presentationRequires}} } },
            { "id": "paused", "type": "Stage", "outcomes": ["Resume", "Lost"], "pausesClocks": true, "returnOutcome": "Resume" },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "proposal", "outcome": "Sent", "target": "presentation" },
            { "source": "proposal", "outcome": "Lost", "target": "lost" },
            { "source": "presentation", "outcome": "Agreed", "target": "won" },
            { "source": "presentation", "outcome": "Pause", "target": "paused" },
            { "source": "presentation", "outcome": "Lost", "target": "lost" },
            { "source": "paused", "outcome": "Lost", "target": "lost" } ] }
        """;

    private static readonly string Standard = Funnel("""{ "fields": ["amount", "fields.proposalNumber"] }""");

    [Theory]
    [InlineData("""{ "fields": ["amount"] }""", true)]
    [InlineData("""{ "fields": ["fields.proposalNumber", "nextStep", "contact"] }""", true)]
    [InlineData("""{ "interaction": { "fields": ["text"] } }""", true)]
    [InlineData("""{ "fields": ["colour"] }""", false)]
    [InlineData("""{ "fields": ["fields."] }""", false)]
    [InlineData("""{ "fields": "amount" }""", false)]
    [InlineData("""{ "interaction": { "kind": "telepathy" } }""", false)]
    [InlineData("""{ "interaction": { "kind": "meeting", "fields": ["mood"] } }""", false)]
    [InlineData("""{ "interaction": { "kind": "meeting" }, "when": "always" }""", false)]
    [InlineData("""{ "file": "proposal" }""", true)]
    [InlineData("""{ "fields": ["amount"], "file": "contract" }""", true)]
    [InlineData("""{ "file": "" }""", false)]
    [InlineData("""{ "file": ["proposal"] }""", false)]
    [InlineData("""{ }""", false)]
    [InlineData("""["amount"]""", false)]
    public void Compile_RequiresSetting_IsCheckedAtPublish(string requirement, bool valid)
    {
        var result = Compile(Funnel(requirement));

        if (valid)
            result.Errors.ShouldBeEmpty();
        else
            result.Errors.ShouldContain(e => e.ActivityId == "proposal" && e.Code == ValidationCodes.BadSetting);
        result.IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Compile_RequirementForAnOutcomeTheStageDoesNotHave_IsBadSetting()
    {
        var json = Standard.Replace("\"requires\": { \"Sent\":", "\"requires\": { \"Teleported\":", StringComparison.Ordinal);

        var result = Compile(json);

        result.Errors.ShouldContain(e => e.ActivityId == "proposal" && e.Code == ValidationCodes.BadSetting && e.Message.Contains("Teleported"));
    }

    [Fact]
    public void Move_WithoutTheRequiredFields_IsRefusedListingEachAndChangesNothing()
    {
        var engine = NewEngine();
        var flow = Flow(Standard);
        var deal = Started(engine, flow);

        var result = engine.Move(flow, deal, new MoveRequest("Sent", "anna"), Start);

        result.Error.ShouldNotBeNull();
        result.Error.Kind.ShouldBe(EngineErrorKind.Invalid);
        result.Error.Code.ShouldBe("missing-data");
        result.Error.Details!.Keys.ShouldBe(["amount", "fields.proposalNumber"], ignoreOrder: true);
        result.Deal.ShouldBeSameAs(deal);
        deal.ActivityId.ShouldBe("proposal");
        deal.Version.ShouldBe(1);
    }

    [Fact]
    public void Move_FillingTheRequiredFieldsInTheSameMove_Succeeds()
    {
        var engine = NewEngine();
        var flow = Flow(Standard);
        var deal = Started(engine, flow);
        var details = new DealDetailsUpdate
        {
            Amount = 150_000m,
            Fields = new Dictionary<string, System.Text.Json.JsonElement> { ["proposalNumber"] = System.Text.Json.JsonDocument.Parse("\"KP-17\"").RootElement },
        };

        var result = engine.Move(flow, deal, new MoveRequest("Sent", "anna", Details: details), Start);

        result.Error.ShouldBeNull();
        result.Deal.ActivityId.ShouldBe("presentation");
        result.Deal.Amount.ShouldBe(150_000m);
    }

    [Fact]
    public void Move_CarryingTheRequiredNextStep_Succeeds()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["nextStep"] }"""));
        var deal = Started(engine, flow);
        var callBack = Start + Duration.FromDays(1);

        var result = engine.Move(flow, deal, new MoveRequest("Sent", "anna", NextStep: new NextStepRequest(callBack, "Call back")), Start);

        result.Error.ShouldBeNull();
        result.Deal.ActivityId.ShouldBe("presentation");
        result.Deal.NextStep!.At.ShouldBe(callBack);
    }

    [Fact]
    public void Move_WithoutTheRequiredNextStep_IsRefusedNamingIt()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["nextStep"] }"""));
        var deal = Started(engine, flow);

        var result = engine.Move(flow, deal, new MoveRequest("Sent", "anna"), Start);

        result.Error!.Details!.Keys.ShouldBe(["nextStep"]);
        result.Deal.ShouldBeSameAs(deal);
    }

    [Fact]
    public void Move_OtherOutcomesOfTheStage_NeedNothing()
    {
        var engine = NewEngine();
        var flow = Flow(Standard);

        Moved(engine, flow, Started(engine, flow), "Lost").State.ShouldBe(DealState.Lost);
    }

    [Fact]
    public void Move_WithNoMeetingLogged_AsksForTheMeeting()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["amount"] }"""));
        var deal = Moved(engine, flow, Started(engine, flow, 10m), "Sent");
        deal = Logged(engine, flow, deal, "call", Start, "contact", "topic", "result");

        var result = engine.Move(flow, deal, new MoveRequest("Agreed", "anna"), Start);

        result.Error!.Details!.Keys.ShouldBe(["interaction"]);
        result.Error.Details["interaction"][0].ShouldContain("meeting");
    }

    [Fact]
    public void Move_WithAMeetingMissingFields_ListsExactlyWhatItLacks()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["amount"] }"""));
        var deal = Moved(engine, flow, Started(engine, flow, 10m), "Sent");
        deal = Logged(engine, flow, deal, "meeting", Start, "contact");

        var result = engine.Move(flow, deal, new MoveRequest("Agreed", "anna"), Start);

        result.Error!.Details!.Keys.ShouldBe(["interaction.topic", "interaction.result"], ignoreOrder: true);
    }

    [Fact]
    public void Move_WithACompleteMeeting_Succeeds()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["amount"] }"""));
        var deal = Moved(engine, flow, Started(engine, flow, 10m), "Sent");
        deal = Logged(engine, flow, deal, "meeting", Start, "contact");
        deal = Logged(engine, flow, deal, "meeting", Start, "contact", "topic", "result");

        Moved(engine, flow, deal, "Agreed").State.ShouldBe(DealState.Won);
    }

    [Fact]
    public void Move_MeetingLoggedBeforeAPause_StillCountsAfterResume()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["amount"] }"""));
        var deal = Moved(engine, flow, Started(engine, flow, 10m), "Sent");
        deal = Logged(engine, flow, deal, "meeting", Start, "contact", "topic", "result");
        deal = Moved(engine, flow, deal, "Pause");
        deal = Moved(engine, flow, deal, "Resume");

        deal.ActivityId.ShouldBe("presentation");
        Moved(engine, flow, deal, "Agreed").State.ShouldBe(DealState.Won);
    }

    [Fact]
    public void Move_MeetingLoggedAtAnEarlierStage_DoesNotCount()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["amount"] }"""));
        var deal = Logged(engine, flow, Started(engine, flow, 10m), "meeting", Start, "contact", "topic", "result");
        deal = Moved(engine, flow, deal, "Sent");

        deal.StageInteractions.ShouldBeEmpty();
        engine.Move(flow, deal, new MoveRequest("Agreed", "anna"), Start).Error!.Details!.Keys.ShouldBe(["interaction"]);
    }

    [Fact]
    public void Move_MeetingDatedInTheFuture_DoesNotCountUntilItsTime()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["amount"] }"""));
        var deal = Moved(engine, flow, Started(engine, flow, 10m), "Sent");
        var tomorrow = Start + Duration.FromDays(1);
        deal = Logged(engine, flow, deal, "meeting", tomorrow, "contact", "topic", "result");

        engine.Move(flow, deal, new MoveRequest("Agreed", "anna"), Start).Error.ShouldNotBeNull();
        engine.Move(flow, deal, new MoveRequest("Agreed", "anna"), tomorrow).Error.ShouldBeNull();
    }

    [Fact]
    public void Move_WithoutAFileOfTheRequiredCategory_IsMissingFileAndChangesNothing()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "file": "proposal" }"""));
        var deal = Started(engine, flow);

        var none = engine.Move(flow, deal, new MoveRequest("Sent", "anna"), Start);
        var otherCategory = engine.Move(flow, deal, new MoveRequest("Sent", "anna", Facts: new DealFacts(["contract", "other"])), Start);

        none.Error!.Code.ShouldBe("missing-data");
        none.Error.Details!.Keys.ShouldBe(["file"]);
        otherCategory.Error!.Details!.Keys.ShouldBe(["file"]);
        deal.ActivityId.ShouldBe("proposal");
        deal.Version.ShouldBe(1);
    }

    [Fact]
    public void Move_WithAFileOfTheRequiredCategory_Succeeds()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "file": "proposal" }"""));

        var result = engine.Move(flow, Started(engine, flow), new MoveRequest("Sent", "anna", Facts: new DealFacts(["other", "proposal"])), Start);

        result.Error.ShouldBeNull();
        result.Deal.ActivityId.ShouldBe("presentation");
    }

    [Fact]
    public void CorrectInteraction_AddingTheMissingFields_SatisfiesTheRequirement_AndLeavesOtherEntriesAlone()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["amount"] }"""));
        var deal = Moved(engine, flow, Started(engine, flow, 10m), "Sent");
        deal = engine.RecordInteraction(flow, deal, new LoggedInteraction("meeting", Start, ["at", "contact"], Id: "j1"), "anna", new Dictionary<string, object?>(), Start).Deal;
        deal = engine.RecordInteraction(flow, deal, new LoggedInteraction("meeting", Start, ["at"]), "anna", new Dictionary<string, object?>(), Start).Deal;
        engine.Move(flow, deal, new MoveRequest("Agreed", "anna"), Start).Error!.Details!.Keys.ShouldBe(["interaction.topic", "interaction.result"], ignoreOrder: true);

        var corrected = engine.CorrectInteraction(flow, deal, "j1", Start, ["at", "contact", "topic", "result"], "anna", new Dictionary<string, object?>(), Start);

        corrected.Error.ShouldBeNull();
        corrected.Deal.StageInteractions.Select(i => i.Filled.Count).ShouldBe([4, 1]);
        corrected.Deal.StageInteractions[0].StageId.ShouldBe("presentation");
        engine.Move(flow, corrected.Deal, new MoveRequest("Agreed", "anna"), Start).Error.ShouldBeNull();
    }

    [Fact]
    public void CorrectInteraction_MovingItsDateIntoTheFuture_StopsItCounting()
    {
        var engine = NewEngine();
        var flow = Flow(Funnel("""{ "fields": ["amount"] }"""));
        var deal = Moved(engine, flow, Started(engine, flow, 10m), "Sent");
        deal = engine.RecordInteraction(flow, deal, new LoggedInteraction("meeting", Start, ["at", "contact", "topic", "result"], Id: "j1"), "anna", new Dictionary<string, object?>(), Start).Deal;

        var corrected = engine.CorrectInteraction(flow, deal, "j1", Start + Duration.FromDays(1), ["at", "contact", "topic", "result"], "anna", new Dictionary<string, object?>(), Start);

        engine.Move(flow, corrected.Deal, new MoveRequest("Agreed", "anna"), Start).Error!.Details!.Keys.ShouldBe(["interaction"]);
    }
}
