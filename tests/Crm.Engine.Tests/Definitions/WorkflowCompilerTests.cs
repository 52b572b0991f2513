using Crm.Engine.Definitions;
using Crm.Testing;

namespace Crm.Engine.Tests.Definitions;

public sealed class WorkflowCompilerTests
{
    [Fact]
    public void Compile_MinimalFunnel_IsValid()
    {
        var result = TestFlowcharts.Validate(SampleFunnels.Minimal().Build());

        result.Errors.ShouldBeEmpty();
        result.IsValid.ShouldBeTrue();
        result.Flowchart!.Start.Id.ShouldBe("new");
    }

    [Fact]
    public void Compile_B2bLikeFunnel_IsValid() =>
        TestFlowcharts.Validate(SampleFunnels.B2bLike(TestCalendars.Moscow)).Errors.ShouldBeEmpty();

    [Fact]
    public void Compile_UnknownActivityType_ReportsUnknownType() =>
        Problems(SampleFunnels.Minimal()
                .Add(FunnelBuilder.Activity("robot", "Robot"))
                .Connect("new", "Done", "robot")
                .Build())
            .ShouldContain(("robot", ValidationCodes.UnknownType));

    [Fact]
    public void Compile_TwoActivitiesWithOneId_ReportsDuplicateId() =>
        Problems(SampleFunnels.Minimal().End("won", "won").Build())
            .ShouldBe([("won", ValidationCodes.DuplicateId)]);

    [Fact]
    public void Compile_RegulationWithAnActivitysId_ReportsDuplicateId() =>
        Problems(SampleFunnels.Minimal().Regulation("new", "new", "won", "PT1H").Build())
            .ShouldContain(("new", ValidationCodes.DuplicateId));

    [Fact]
    public void Compile_ActivityWithoutId_ReportsMissingId() =>
        Problems(SampleFunnels.Minimal().End("", "won").Build())
            .ShouldBe([(null, ValidationCodes.MissingId)]);

    [Fact]
    public void Compile_FunnelWithoutId_ReportsMissingId() =>
        Problems(SampleFunnels.Minimal("").Build())
            .ShouldBe([(null, ValidationCodes.MissingId)]);

    [Theory]
    [InlineData("ghost")]
    [InlineData(null)]
    public void Compile_StartThatDoesNotExist_ReportsMissingStart(string? start) =>
        Problems(SampleFunnels.Minimal().StartAt(start).Build())
            .ShouldContain((start, ValidationCodes.MissingStart));

    [Fact]
    public void Compile_ConnectionToAnUnknownActivity_ReportsConnectionToNowhereOnTheSource() =>
        Problems(new FunnelBuilder()
                .Stage("new", "Done", "Lost")
                .End("lost", "lost")
                .Connect("new", "Done", "ghost")
                .Connect("new", "Lost", "lost")
                .Build())
            .ShouldContain(("new", ValidationCodes.ConnectionToNowhere));

    [Fact]
    public void Compile_ConnectionFromAnUnknownActivity_ReportsConnectionFromNowhere() =>
        Problems(SampleFunnels.Minimal().Connect("ghost", "Done", "won").Build())
            .ShouldBe([("ghost", ValidationCodes.ConnectionFromNowhere)]);

    [Fact]
    public void Compile_ConnectionForAnOutcomeTheSourceDoesNotHave_ReportsUnknownOutcome() =>
        Problems(SampleFunnels.Minimal().Connect("new", "Maybe", "won").Build())
            .ShouldBe([("new", ValidationCodes.UnknownOutcome)]);

    [Fact]
    public void Compile_ConnectionForAReturnOutcome_ReportsUnknownOutcome() =>
        Problems(PauseFunnel(["Resume", "Lost"]).Connect("paused", "Resume", "new").Build())
            .ShouldBe([("paused", ValidationCodes.UnknownOutcome)]);

    [Fact]
    public void Compile_OutcomeConnectedTwice_ReportsDuplicateConnection() =>
        Problems(SampleFunnels.Minimal().Connect("new", "Done", "lost").Build())
            .ShouldBe([("new", ValidationCodes.DuplicateConnection)]);

    [Fact]
    public void Compile_OutcomeWithoutConnection_ReportsUnconnectedOutcome() =>
        Problems(new FunnelBuilder()
                .Stage("new", "Done", "Lost")
                .End("won", "won")
                .Connect("new", "Done", "won")
                .Build())
            .ShouldBe([("new", ValidationCodes.UnconnectedOutcome)]);

    [Fact]
    public void Compile_ActivityNothingLeadsTo_ReportsUnreachable() =>
        Problems(SampleFunnels.Minimal()
                .Stage("orphan", "Done")
                .Connect("orphan", "Done", "won")
                .Build())
            .ShouldBe([("orphan", ValidationCodes.Unreachable)]);

    [Fact]
    public void Compile_StagesThatOnlyLeadToEachOther_ReportNoPathToEnd() =>
        Problems(new FunnelBuilder()
                .Stage("new", "Done", "Stuck")
                .Stage("ping", "Next")
                .Stage("pong", "Back")
                .End("won", "won")
                .Connect("new", "Done", "won")
                .Connect("new", "Stuck", "ping")
                .Connect("ping", "Next", "pong")
                .Connect("pong", "Back", "ping")
                .Build())
            .ShouldBe([("ping", ValidationCodes.NoPathToEnd), ("pong", ValidationCodes.NoPathToEnd)], ignoreOrder: true);

    [Theory]
    [InlineData("soon", null)]
    [InlineData("PT0S", null)]
    [InlineData("-PT1H", null)]
    [InlineData("P1M", null)]
    [InlineData("P1Y", null)]
    [InlineData(null, null)]
    [InlineData("PT4H", "PT4H")]
    [InlineData("PT4H", "PT5H")]
    [InlineData("PT4H", "an hour")]
    public void Compile_BadStageRegulationDuration_ReportsBadDurationOnTheStage(string? duration, string? warnBefore) =>
        Problems(new FunnelBuilder()
                .Stage("new", ["Done"], FunnelBuilder.Regulated(duration, warnBefore))
                .End("won", "won")
                .Connect("new", "Done", "won")
                .Build())
            .ShouldBe([("new", ValidationCodes.BadDuration)]);

    [Theory]
    [InlineData("P1M", null)]
    [InlineData("PT8H", "PT8H")]
    [InlineData("tomorrow", null)]
    public void Compile_BadFunnelRegulationDuration_ReportsBadDurationOnTheRegulation(string duration, string? warnBefore) =>
        Problems(SampleFunnels.Minimal().Regulation("r", "new", "won", duration, warnBefore).Build())
            .ShouldBe([("r", ValidationCodes.BadDuration)]);

    [Fact]
    public void Compile_BadEscalationDelay_ReportsBadDuration() =>
        Problems(new FunnelBuilder()
                .Stage("new", ["Done"], FunnelBuilder.Regulated("PT4H", null, ("-PT1H", "head")))
                .End("won", "won")
                .Connect("new", "Done", "won")
                .Build())
            .ShouldBe([("new", ValidationCodes.BadDuration)]);

    [Theory]
    [InlineData("P1M")]
    [InlineData("PT0S")]
    [InlineData("later")]
    [InlineData(null)]
    public void Compile_BadTimerDuration_ReportsBadDurationOnTheTimer(string? duration) =>
        Problems(new FunnelBuilder()
                .Timer("wait", duration)
                .End("won", "won")
                .Connect("wait", "Done", "won")
                .Build())
            .ShouldBe([("wait", ValidationCodes.BadDuration)]);

    [Fact]
    public void Compile_DaysInARegulation_AreWorkingDaysOfTheCalendar()
    {
        var flow = TestFlowcharts.Compile(new FunnelBuilder()
            .WithCalendar(TestCalendars.Moscow)
            .Stage("new", ["Done"], FunnelBuilder.Regulated("P2D", "PT4H"))
            .End("won", "won")
            .Connect("new", "Done", "won")
            .Build());

        flow.StageRegulation("new")!.Limit.ShouldBe(NodaTime.Duration.FromHours(16));
    }

    [Theory]
    [InlineData("deal.amount >=")]
    [InlineData("deal.amount >= \"big\"")]
    [InlineData("")]
    [InlineData(null)]
    public void Compile_DecisionWithABadCondition_ReportsBadCondition(string? condition)
    {
        var problems = Problems(new FunnelBuilder()
            .Decision("big", condition)
            .End("won", "won")
            .End("lost", "lost")
            .Connect("big", "True", "won")
            .Connect("big", "False", "lost")
            .Build());

        problems.ShouldNotBeEmpty();
        problems.Distinct().ShouldBe([("big", ValidationCodes.BadCondition)]);
    }

    [Theory]
    [InlineData("ghost", "won")]
    [InlineData("new", "ghost")]
    [InlineData(null, "won")]
    [InlineData("new", null)]
    [InlineData("won", "new")]
    public void Compile_RegulationOnAStageThatDoesNotExist_ReportsUnknownStage(string? startOn, string? stopOn) =>
        Problems(SampleFunnels.Minimal().Regulation("r", startOn, stopOn, "PT4H").Build())
            .ShouldBe([("r", ValidationCodes.UnknownStage)]);

    [Fact]
    public void Compile_UnknownCalendar_ReportsUnknownCalendar() =>
        Problems(SampleFunnels.Minimal().WithCalendar("mars").Build())
            .ShouldBe([(null, ValidationCodes.UnknownCalendar)]);

    [Fact]
    public void Compile_EndWithoutResult_ReportsBadSetting() =>
        Problems(new FunnelBuilder()
                .Stage("new", "Done")
                .End("won", null)
                .Connect("new", "Done", "won")
                .Build())
            .ShouldBe([("won", ValidationCodes.BadSetting)]);

    [Fact]
    public void Compile_AssignToUserWithoutUserId_ReportsBadSetting() =>
        Problems(new FunnelBuilder()
                .Assign("assign", "user")
                .Stage("new", "Done")
                .End("won", "won")
                .Connect("assign", "Done", "new")
                .Connect("new", "Done", "won")
                .Build())
            .ShouldBe([("assign", ValidationCodes.BadSetting)]);

    [Fact]
    public void Compile_ReturnOutcomeNotAmongTheOutcomes_ReportsBadSetting() =>
        Problems(PauseFunnel(["Lost"]).Build())
            .ShouldBe([("paused", ValidationCodes.BadSetting)]);

    [Fact]
    public void Compile_ReturnOutcomeOnAStageThatDoesNotPause_ReportsBadSetting() =>
        Problems(PauseFunnel(["Resume", "Lost"], pausesClocks: false).Build())
            .ShouldBe([("paused", ValidationCodes.BadSetting)]);

    [Theory]
    [InlineData("Notify", "notify", "everyone")]
    [InlineData("Assign", "strategy", "lottery")]
    [InlineData("Timer", "until", "friday")]
    public void Compile_UnknownActivitySetting_ReportsBadSetting(string type, string setting, string value) =>
        Problems(new FunnelBuilder()
                .Add(FunnelBuilder.Activity("step", type, (setting, value)))
                .End("won", "won")
                .Connect("step", "Done", "won")
                .Build())
            .ShouldBe([("step", ValidationCodes.BadSetting)]);

    [Fact]
    public void Compile_RegulationOnANonStage_ReportsBadSetting() =>
        Problems(new FunnelBuilder()
                .Stage("new", "Done")
                .Add(FunnelBuilder.Activity("won", "End", ("result", "won")) with { Regulation = FunnelBuilder.Regulated("PT1H") })
                .Connect("new", "Done", "won")
                .Build())
            .ShouldBe([("won", ValidationCodes.BadSetting)]);

    [Fact]
    public void Compile_EscalationToAnUnknownAudience_ReportsBadSetting() =>
        Problems(new FunnelBuilder()
                .Stage("new", ["Done"], FunnelBuilder.Regulated("PT4H", null, ("PT1H", "ceo")))
                .End("won", "won")
                .Connect("new", "Done", "won")
                .Build())
            .ShouldBe([("new", ValidationCodes.BadSetting)]);

    [Fact]
    public void Compile_StageWithoutOutcomes_ReportsNoOutcomes() =>
        Problems(new FunnelBuilder()
                .Stage("new", "Done")
                .Stage("limbo")
                .End("won", "won")
                .Connect("new", "Done", "limbo")
                .Build())
            .ShouldContain(("limbo", ValidationCodes.NoOutcomes));

    [Fact]
    public void Compile_TwoDecisionsInACycle_ReportsDecisionLoopOnBoth() =>
        Problems(new FunnelBuilder()
                .Stage("new", "Go")
                .Decision("first", "deal.amount > 10")
                .Decision("second", "deal.amount > 20")
                .End("won", "won")
                .Connect("new", "Go", "first")
                .Connect("first", "True", "second")
                .Connect("first", "False", "won")
                .Connect("second", "True", "first")
                .Connect("second", "False", "won")
                .Build())
            .ShouldBe([("first", ValidationCodes.DecisionLoop), ("second", ValidationCodes.DecisionLoop)], ignoreOrder: true);

    [Fact]
    public void Compile_ActivityAfterADecisionLoop_IsNotReportedAsOnTheLoop() =>
        Problems(new FunnelBuilder()
                .Stage("new", "Go")
                .Decision("first", "deal.amount > 10")
                .Decision("second", "deal.amount > 20")
                .Notify("tell", "head")
                .End("won", "won")
                .Connect("new", "Go", "first")
                .Connect("first", "True", "second")
                .Connect("first", "False", "tell")
                .Connect("second", "True", "first")
                .Connect("second", "False", "won")
                .Connect("tell", "Done", "won")
                .Build())
            .ShouldBe([("first", ValidationCodes.DecisionLoop), ("second", ValidationCodes.DecisionLoop)], ignoreOrder: true);

    [Fact]
    public void Compile_LoopThroughAStage_IsNotADecisionLoop() =>
        Problems(new FunnelBuilder()
                .Stage("new", "Go")
                .Decision("check", "deal.amount > 10")
                .End("won", "won")
                .Connect("new", "Go", "check")
                .Connect("check", "True", "won")
                .Connect("check", "False", "new")
                .Build())
            .ShouldBeEmpty();

    [Fact]
    public void Compile_SeveralProblems_ReportsEveryProblemAtOnce()
    {
        var definition = new FunnelBuilder()
            .WithCalendar("mars")
            .Stage("new", ["Done", "Lost"], FunnelBuilder.Regulated("P1M"))
            .Add(FunnelBuilder.Activity("robot", "Robot"))
            .Decision("check", "deal.amount >")
            .End("won", null)
            .Connect("new", "Done", "check")
            .Connect("check", "True", "won")
            .Connect("check", "False", "ghost")
            .Regulation("r", "nowhere", "won", "PT1H")
            .Build();

        var result = TestFlowcharts.Validate(definition);

        result.IsValid.ShouldBeFalse();
        result.Flowchart.ShouldBeNull();
        var problems = Problems(definition);
        (string?, string)[] expected =
        [
            (null, ValidationCodes.UnknownCalendar),
            ("new", ValidationCodes.BadDuration),
            ("robot", ValidationCodes.UnknownType),
            ("check", ValidationCodes.BadCondition),
            ("won", ValidationCodes.BadSetting),
            ("check", ValidationCodes.ConnectionToNowhere),
            ("new", ValidationCodes.UnconnectedOutcome),
            ("r", ValidationCodes.UnknownStage),
        ];
        foreach (var problem in expected)
            problems.ShouldContain(problem);
        result.Errors.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Message));
    }

    /// <summary>new (Done→won, Pause→paused); paused pauses clocks, returns by Resume and has the given outcomes.</summary>
    private static FunnelBuilder PauseFunnel(string[] pauseOutcomes, bool pausesClocks = true) =>
        new FunnelBuilder()
            .Stage("new", "Done", "Pause")
            .Stage("paused", pauseOutcomes, regulation: null, pausesClocks: pausesClocks, returnOutcome: "Resume")
            .End("won", "won")
            .End("lost", "lost")
            .Connect("new", "Done", "won")
            .Connect("new", "Pause", "paused")
            .Connect("paused", "Lost", "lost");

    private static List<(string? ActivityId, string Code)> Problems(WorkflowDefinition definition) =>
        [.. TestFlowcharts.Validate(definition).Errors.Select(e => (e.ActivityId, e.Code))];
}
