using System.Text.Json;
using Crm.Engine.Clocks;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>Converts deals between the engine's model and the store's rows.</summary>
internal static class DealMapper
{
    public static DealRecord ToRecord(DealInstance d)
    {
        var data = new DealData
        {
            Bookmark = d.Bookmark?.ToString(),
            BookmarkDueAtTicks = d.BookmarkDueAt?.ToUnixTimeTicks(),
            ReturnStageId = d.ReturnStageId,
            Fields = d.Fields.Count > 0 ? d.Fields : null,
            NextStepWhat = d.NextStep?.What,
            NextStepSetAtTicks = d.NextStep?.SetAt.ToUnixTimeTicks(),
            NextStepOverdueAlerted = d.NextStep?.OverdueAlerted ?? false,
            LastInteractionAtTicks = d.LastInteractionAt?.ToUnixTimeTicks(),
            ContactIds = DealData.NullIfEmpty(d.ContactIds),
            MergedDealIds = DealData.NullIfEmpty(d.MergedDealIds),
            StageInteractions = DealData.Store(d.StageInteractions),
        };
        return new DealRecord
        {
            Id = d.Id,
            Title = d.Title,
            WorkflowId = d.WorkflowId,
            WorkflowVersion = d.WorkflowVersion,
            StageId = d.ActivityId,
            State = StateName(d.State),
            OwnerId = d.OwnerId,
            TeamId = d.TeamId,
            Amount = d.Amount,
            Source = d.Source,
            ClientName = d.Client?.Name,
            ClientKind = d.Client?.Kind,
            ContactName = d.Contact?.Name,
            ContactEmail = d.Contact?.Email,
            ContactPhone = d.Contact?.Phone,
            ContactEmailKey = ContactKeys.Email(d.Contact?.Email),
            ContactPhoneKey = ContactKeys.Phone(d.Contact?.Phone),
            ContactPosition = d.Contact?.Position,
            ClientId = d.ClientId,
            SearchText = ContactKeys.Search(d.Title, d.Client?.Name, d.Contact?.Name),
            NextStepAt = d.NextStep?.At,
            NextDueAt = DealEngine.NextDue(d),
            Data = JsonSerializer.Serialize(data, DealData.Options),
            CreatedAt = d.CreatedAt,
            UpdatedAt = d.UpdatedAt,
            ClosedAt = d.ClosedAt,
            Version = d.Version,
        };
    }

    public static DealInstance ToDeal(DealRecord r, IEnumerable<ClockRecord> clocks)
    {
        var data = JsonSerializer.Deserialize<DealData>(r.Data, DealData.Options) ?? new DealData();
        var deal = new DealInstance
        {
            Id = r.Id,
            WorkflowId = r.WorkflowId,
            WorkflowVersion = r.WorkflowVersion,
            Title = r.Title,
            State = ParseState(r.State),
            ActivityId = r.StageId,
            Bookmark = data.Bookmark is { } b ? Enum.Parse<BookmarkKind>(b) : null,
            BookmarkDueAt = DealData.ToInstant(data.BookmarkDueAtTicks),
            ReturnStageId = data.ReturnStageId,
            OwnerId = r.OwnerId,
            TeamId = r.TeamId,
            Amount = r.Amount,
            Source = r.Source,
            Client = r.ClientName is not null ? new DealClient(r.ClientName, r.ClientKind ?? "company") : null,
            Contact = r.ContactName is not null || r.ContactEmail is not null || r.ContactPhone is not null || r.ContactPosition is not null
                ? new DealContact(r.ContactName, r.ContactEmail, r.ContactPhone, r.ContactPosition)
                : null,
            NextStep = r.NextStepAt is { } at
                ? new NextStep(at, data.NextStepWhat ?? "", DealData.ToInstant(data.NextStepSetAtTicks) ?? r.UpdatedAt, data.NextStepOverdueAlerted)
                : null,
            LastInteractionAt = DealData.ToInstant(data.LastInteractionAtTicks),
            ClientId = r.ClientId,
            ContactIds = data.ContactIds ?? [],
            MergedDealIds = data.MergedDealIds ?? [],
            StageInteractions = DealData.Restore(data.StageInteractions),
            CreatedAt = r.CreatedAt,
            UpdatedAt = r.UpdatedAt,
            ClosedAt = r.ClosedAt,
            Version = r.Version,
        };
        if (data.Fields is not null)
        {
            foreach (var (key, value) in data.Fields)
                deal.Fields[key] = value;
        }
        deal.Clocks.AddRange(clocks.OrderBy(c => c.StartedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(ToClock));
        return deal;
    }

    public static ClockRecord ToRecord(RegulationClock c, DealInstance deal) => new()
    {
        Id = c.Id,
        DealId = deal.Id,
        WorkflowId = c.WorkflowId ?? deal.WorkflowId,
        RegulationId = c.RegulationId,
        Name = c.Name,
        StageId = c.StageId,
        State = StateName(c.State),
        StartedAt = c.StartedAt,
        LimitTicks = c.Limit.BclCompatibleTicks,
        WarnBeforeTicks = c.WarnBefore?.BclCompatibleTicks,
        EscalationsJson = c.Escalations.Count > 0
            ? JsonSerializer.Serialize(c.Escalations.Select(e => new StoredEscalation(e.After.BclCompatibleTicks, e.Notify)), DealData.Options)
            : null,
        ConsumedTicks = c.Consumed.BclCompatibleTicks,
        RunningSince = c.RunningSince,
        DueAt = c.DueAt,
        WarnAt = c.WarnAt,
        WarnedAt = c.WarnedAt,
        BreachedAt = c.BreachedAt,
        EscalationsRaised = c.EscalationsRaised,
        NextEscalationAt = c.NextEscalationAt,
        FinishedAt = c.FinishedAt,
        OwnerId = c.OwnerId,
        OverrunTicks = c.Overrun?.BclCompatibleTicks,
        HandoversJson = JsonSerializer.Serialize(c.Handovers.Select(h => new StoredHandover(h.HolderId, h.At.BclCompatibleTicks)), DealData.Options),
    };

    public static RegulationClock ToClock(ClockRecord r) => new()
    {
        Id = r.Id,
        RegulationId = r.RegulationId,
        WorkflowId = r.WorkflowId,
        Name = r.Name,
        StageId = r.StageId,
        StartedAt = r.StartedAt,
        Limit = Duration.FromTicks(r.LimitTicks),
        WarnBefore = r.WarnBeforeTicks is { } w ? Duration.FromTicks(w) : null,
        Escalations = r.EscalationsJson is { } json
            ? [.. (JsonSerializer.Deserialize<StoredEscalation[]>(json, DealData.Options) ?? []).Select(e => new CompiledEscalation(Duration.FromTicks(e.AfterTicks), e.Notify))]
            : [],
        State = Enum.Parse<ClockState>(r.State, ignoreCase: true),
        Consumed = Duration.FromTicks(r.ConsumedTicks),
        RunningSince = r.RunningSince,
        DueAt = r.DueAt,
        WarnAt = r.WarnAt,
        WarnedAt = r.WarnedAt,
        BreachedAt = r.BreachedAt,
        EscalationsRaised = r.EscalationsRaised,
        NextEscalationAt = r.NextEscalationAt,
        FinishedAt = r.FinishedAt,
        OwnerId = r.OwnerId,
        Overrun = r.OverrunTicks is { } o ? Duration.FromTicks(o) : null,
        Handovers = Handovers(r.HandoversJson, r.OwnerId),
    };

    /// <summary>A clock's handovers as stored. One stored before holdings were kept is taken as held from its start by
    /// the owner it records.</summary>
    public static List<ClockHandover> Handovers(string? json, string? ownerId) => json is not null
        ? [.. (JsonSerializer.Deserialize<StoredHandover[]>(json, DealData.Options) ?? []).Select(h => new ClockHandover(h.HolderId, Duration.FromTicks(h.AtTicks)))]
        : [new ClockHandover(ownerId, Duration.Zero)];

    public static string StateName(DealState state) => state switch
    {
        DealState.Open => "open",
        DealState.Won => "won",
        DealState.Duplicate => "duplicate",
        _ => "lost",
    };

    public static DealState ParseState(string state) => state switch
    {
        "open" => DealState.Open,
        "won" => DealState.Won,
        "duplicate" => DealState.Duplicate,
        _ => DealState.Lost,
    };

    public static string StateName(ClockState state) => state.ToString().ToLowerInvariant();

    private sealed record StoredEscalation(long AfterTicks, string Notify);

    private sealed record StoredHandover(string? HolderId, long AtTicks);
}
