using System.Text.Json.Serialization;

namespace Crm.Engine.Definitions;

/// <summary>A funnel as an admin designs it: activities joined by the outcomes a manager can choose.</summary>
public sealed record WorkflowDefinition
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>The business calendar regulations count working time in; <c>24x7</c> when absent.</summary>
    public string? CalendarId { get; init; }
    /// <summary>
    /// Anonymous website leads may open deals in this funnel. Off unless the admin turns it on, so a public form cannot
    /// drop work into a funnel nobody meant for it; written only when on.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AcceptsLeads { get; init; }
    /// <summary>The activity a new deal starts on.</summary>
    public string? Start { get; init; }
    public IReadOnlyList<ActivityDefinition> Activities { get; init; } = [];
    public IReadOnlyList<ConnectionDefinition> Connections { get; init; } = [];
    /// <summary>Funnel-level regulations: a clock from entering one stage to entering another.</summary>
    public IReadOnlyList<RegulationDefinition> Regulations { get; init; } = [];

    [JsonIgnore]
    public string EffectiveCalendarId => string.IsNullOrWhiteSpace(CalendarId) ? Calendars.CalendarIds.AlwaysOpen : CalendarId;
}
