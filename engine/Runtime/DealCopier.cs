using Crm.Engine.Clocks;

namespace Crm.Engine.Runtime;

/// <summary>Deep copies a deal so that a refused command leaves the original untouched.</summary>
internal static class DealCopier
{
    public static DealInstance Copy(DealInstance d)
    {
        var copy = new DealInstance
        {
            Id = d.Id,
            WorkflowId = d.WorkflowId,
            WorkflowVersion = d.WorkflowVersion,
            Title = d.Title,
            State = d.State,
            ActivityId = d.ActivityId,
            Bookmark = d.Bookmark,
            BookmarkDueAt = d.BookmarkDueAt,
            ReturnStageId = d.ReturnStageId,
            OwnerId = d.OwnerId,
            TeamId = d.TeamId,
            Amount = d.Amount,
            Source = d.Source,
            Client = d.Client,
            Contact = d.Contact,
            ClientId = d.ClientId,
            ContactIds = [.. d.ContactIds],
            MergedDealIds = [.. d.MergedDealIds],
            StageInteractions = [.. d.StageInteractions],
            NextStep = d.NextStep,
            LastInteractionAt = d.LastInteractionAt,
            CreatedAt = d.CreatedAt,
            UpdatedAt = d.UpdatedAt,
            ClosedAt = d.ClosedAt,
            Version = d.Version,
        };
        foreach (var (key, value) in d.Fields)
            copy.Fields[key] = value;
        foreach (var clock in d.Clocks)
            copy.Clocks.Add(Copy(clock));
        return copy;
    }

    private static RegulationClock Copy(RegulationClock c) => new()
    {
        Id = c.Id,
        RegulationId = c.RegulationId,
        WorkflowId = c.WorkflowId,
        Name = c.Name,
        StageId = c.StageId,
        StartedAt = c.StartedAt,
        Limit = c.Limit,
        WarnBefore = c.WarnBefore,
        Escalations = c.Escalations,
        State = c.State,
        Consumed = c.Consumed,
        RunningSince = c.RunningSince,
        DueAt = c.DueAt,
        WarnAt = c.WarnAt,
        WarnedAt = c.WarnedAt,
        BreachedAt = c.BreachedAt,
        EscalationsRaised = c.EscalationsRaised,
        NextEscalationAt = c.NextEscalationAt,
        FinishedAt = c.FinishedAt,
        OwnerId = c.OwnerId,
        Overrun = c.Overrun,
        Handovers = [.. c.Handovers],
    };
}
