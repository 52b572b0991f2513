using System.Text.Json;
using Crm.Engine.Clocks;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Testing;

/// <summary>
/// A deal with every property, and every property of its clocks, set to a value of its own that is not the default:
/// what a store or a copier must keep, written out by hand rather than taken from the code under test.
/// <see cref="DataParts.Unset"/> on it must find nothing, so a property added to the engine fails until it is set here.
/// </summary>
public static class FullDeal
{
    // Sub-millisecond ticks, so a store that rounds to milliseconds or microseconds is caught.
    public static readonly Instant Base = Instant.FromUnixTimeTicks(17_950_000_000_123_457);

    private static Instant At(int minutes) => Base + Duration.FromMinutes(minutes) + Duration.FromTicks(minutes);

    public static DealInstance Create(string id = "deal-full") => new()
    {
        Id = id,
        WorkflowId = "b2b-sales",
        WorkflowVersion = 7,
        Title = "Supply of 40 servers",
        State = DealState.Won,
        ActivityId = "proposal",
        Bookmark = BookmarkKind.Timer,
        BookmarkDueAt = At(11),
        ReturnStageId = "requirements",
        OwnerId = "manager-2",
        TeamId = "north",
        Amount = 987_654.32m,
        Source = "referral",
        Client = new DealClient("Globex", "person"),
        Contact = new DealContact("Boris", "Boris@Example.org", "+7 (900) 222-33-44", "CFO"),
        ClientId = "client-9",
        ContactIds = ["person-1", "person-2"],
        MergedDealIds = ["duplicate-1", "duplicate-2"],
        StageInteractions =
        [
            new LoggedInteraction("call", At(12), ["budget", "timeline"], "proposal", "journal-1"),
            new LoggedInteraction("meeting", At(13), ["decision-maker"], "requirements", "journal-2"),
        ],
        Fields =
        {
            ["priority"] = JsonSerializer.SerializeToElement("high"),
            ["servers"] = JsonSerializer.SerializeToElement(40),
            ["terms"] = JsonSerializer.SerializeToElement(new { prepaid = true, days = new[] { 30, 60 } }),
        },
        NextStep = new NextStep(At(14), "Send the contract", At(15), OverdueAlerted: true),
        LastInteractionAt = At(16),
        Clocks = [Clock("clock-stage", "proposal", minutes: 20), Clock("clock-funnel", "request-to-contract", minutes: 40)],
        CreatedAt = At(-600),
        UpdatedAt = At(17),
        ClosedAt = At(18),
        Version = 4,
    };

    /// <summary>A finished, breached clock with every part set; <paramref name="minutes"/> spreads its instants apart
    /// from other clocks'.</summary>
    public static RegulationClock Clock(string id, string stageId, int minutes) => new()
    {
        Id = id,
        RegulationId = $"regulation-{id}",
        // A clock started in the funnel the deal came from before a transfer.
        WorkflowId = "inbound-lead",
        Name = $"Regulation of {id}",
        StageId = stageId,
        StartedAt = At(minutes - 300),
        Limit = Duration.FromHours(4) + Duration.FromTicks(minutes),
        WarnBefore = Duration.FromHours(1) + Duration.FromTicks(minutes),
        Escalations = [new CompiledEscalation(Duration.FromMinutes(minutes), "owner"), new CompiledEscalation(Duration.FromHours(2), "head")],
        State = ClockState.Breached,
        Consumed = Duration.FromTicks(123_456_789 + minutes),
        RunningSince = At(minutes + 1),
        DueAt = At(minutes + 2),
        WarnAt = At(minutes + 3),
        WarnedAt = At(minutes + 4),
        BreachedAt = At(minutes + 5),
        EscalationsRaised = 2,
        NextEscalationAt = At(minutes + 6),
        FinishedAt = At(minutes + 7),
        OwnerId = $"owner-of-{id}",
        Overrun = Duration.FromMinutes(minutes) + Duration.FromTicks(3),
        Handovers = [new ClockHandover("manager-1", Duration.FromTicks(1)), new ClockHandover("manager-2", Duration.FromMinutes(minutes))],
    };
}
