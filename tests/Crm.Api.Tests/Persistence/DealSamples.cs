using System.Text.Json;
using Crm.Engine.Alerts;
using Crm.Engine.Clocks;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Api.Tests.Persistence;

/// <summary>Deals, clocks and alerts with every stored part filled in, at instants with sub-millisecond ticks.</summary>
internal static class DealSamples
{
    public static readonly Instant Now = Instant.FromUnixTimeTicks(17_950_000_000_123_457);

    public static DealInstance Deal(string id) => new()
    {
        Id = id,
        WorkflowId = "b2b-sales",
        WorkflowVersion = 3,
        Title = $"Deal {id}",
        ActivityId = "contacts",
        Bookmark = BookmarkKind.Outcome,
        ReturnStageId = "requirements",
        OwnerId = "manager-1",
        TeamId = "sales",
        Amount = 1_250_000.55m,
        Source = "website",
        Client = new DealClient("Acme", "company"),
        Contact = new DealContact("Ann", "Ann@Example.com", "+7 (900) 111-22-33", "CTO"),
        Fields = { ["priority"] = JsonSerializer.SerializeToElement("high") },
        NextStep = new NextStep(Now + Duration.FromHours(5), "Call back", Now, OverdueAlerted: false),
        LastInteractionAt = Now - Duration.FromMinutes(3),
        CreatedAt = Now - Duration.FromDays(2),
        UpdatedAt = Now,
        Version = 1,
    };

    public static RegulationClock RunningClock(string id, string? stageId = "contacts") => new()
    {
        Id = id,
        RegulationId = stageId ?? "request-to-proposal",
        Name = "Contacts within 4 working hours",
        StageId = stageId,
        StartedAt = Now - Duration.FromMinutes(30),
        Limit = Duration.FromHours(4),
        WarnBefore = Duration.FromHours(1),
        Escalations = [new CompiledEscalation(Duration.Zero, "owner"), new CompiledEscalation(Duration.FromHours(2), "head")],
        State = ClockState.Running,
        Consumed = Duration.FromTicks(123_456_789),
        RunningSince = Now - Duration.FromMinutes(10),
        DueAt = Now + Duration.FromHours(3),
        WarnAt = Now + Duration.FromHours(2),
        EscalationsRaised = 1,
        NextEscalationAt = Now + Duration.FromHours(5),
        OwnerId = "manager-1",
    };

    public static RaisedAlert Alert(string dealId) => new()
    {
        Id = $"alert-{dealId}",
        Kind = AlertKind.Warning,
        Audience = AlertAudience.Owner,
        DealId = dealId,
        DealTitle = $"Deal {dealId}",
        RegulationId = "contacts",
        RegulationName = "Contacts within 4 working hours",
        StageId = "contacts",
        StageName = "Find all contacts",
        OwnerId = "manager-1",
        TeamId = "sales",
        DueAt = Now + Duration.FromHours(1),
        RaisedAt = Now,
        Message = "One hour left.",
    };
}
