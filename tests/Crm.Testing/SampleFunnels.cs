using Crm.Engine.Definitions;

namespace Crm.Testing;

/// <summary>Small funnels shaped like the built-in ones, for runtime tests that need a realistic layout.</summary>
public static class SampleFunnels
{
    public const string Contacts = "contacts";
    public const string Requirements = "requirements";
    public const string Proposal = "proposal";
    public const string Paused = "paused";
    public const string Won = "won";
    public const string Lost = "lost";
    /// <summary>The funnel-level regulation from entering requirements to entering proposal.</summary>
    public const string RequestToProposal = "request-to-proposal";

    /// <summary>
    /// A B2B-sales-like funnel: <c>contacts</c> (PT4H, warning PT1H before, escalations PT0S→owner and PT2H→head)
    /// → <c>requirements</c> (PT8H, warning PT2H) → <c>proposal</c> (no regulation) → won. Every open stage has
    /// <c>Pause</c> (into <c>paused</c>, which pauses clocks and returns by <c>Resume</c>) and <c>Lost</c>. The
    /// funnel-level regulation <c>request-to-proposal</c> (PT12H) runs from requirements until proposal.
    /// </summary>
    public static WorkflowDefinition B2bLike(string? calendarId = null) =>
        new FunnelBuilder("b2b-like")
            .WithCalendar(calendarId)
            .Stage(Contacts, ["Done", "Pause", "Lost"], FunnelBuilder.Regulated("PT4H", "PT1H", ("PT0S", "owner"), ("PT2H", "head")))
            .Stage(Requirements, ["Done", "Pause", "Lost"], FunnelBuilder.Regulated("PT8H", "PT2H"))
            .Stage(Proposal, "Sent", "Pause", "Lost")
            .Stage(Paused, ["Resume", "Lost"], regulation: null, pausesClocks: true, returnOutcome: "Resume")
            .End(Won, "won")
            .End(Lost, "lost")
            .Connect(Contacts, "Done", Requirements)
            .Connect(Requirements, "Done", Proposal)
            .Connect(Proposal, "Sent", Won)
            .Connect(Contacts, "Pause", Paused)
            .Connect(Requirements, "Pause", Paused)
            .Connect(Proposal, "Pause", Paused)
            .Connect(Contacts, "Lost", Lost)
            .Connect(Requirements, "Lost", Lost)
            .Connect(Proposal, "Lost", Lost)
            .Connect(Paused, "Lost", Lost)
            .Regulation(RequestToProposal, Requirements, Proposal, "PT12H")
            .Build();

    /// <summary>The smallest valid funnel: <c>new</c> with Done→won and Lost→lost.</summary>
    public static FunnelBuilder Minimal(string id = "test-funnel") =>
        new FunnelBuilder(id)
            .Stage("new", "Done", "Lost")
            .End(Won, "won")
            .End(Lost, "lost")
            .Connect("new", "Done", Won)
            .Connect("new", "Lost", Lost);
}
