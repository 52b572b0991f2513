using Crm.Engine.Calendars;
using Crm.Engine.Definitions;

namespace Crm.Engine.Runtime;

/// <summary>A published, immutable funnel version compiled for running: activities, wiring, regulations.</summary>
public sealed class Flowchart
{
    private readonly Dictionary<string, IActivity> _activities;
    private readonly Dictionary<(string Source, string Outcome), string> _next;
    private readonly Dictionary<string, CompiledRegulation> _stageRegulations;

    internal Flowchart(
        WorkflowDefinition definition,
        int version,
        IWorkingCalendar calendar,
        Dictionary<string, IActivity> activities,
        Dictionary<(string, string), string> next,
        IReadOnlyList<CompiledRegulation> regulations)
    {
        Definition = definition;
        Version = version;
        Calendar = calendar;
        _activities = activities;
        _next = next;
        Regulations = regulations;
        _stageRegulations = regulations.Where(r => r.IsStageRegulation).ToDictionary(r => r.StartOn, StringComparer.Ordinal);
        FunnelRegulations = regulations.Where(r => !r.IsStageRegulation).ToArray();
        Start = activities[definition.Start!];
    }

    public WorkflowDefinition Definition { get; }
    public string WorkflowId => Definition.Id;
    public int Version { get; }
    public IWorkingCalendar Calendar { get; }
    public IActivity Start { get; }
    public IReadOnlyList<CompiledRegulation> Regulations { get; }
    public IReadOnlyList<CompiledRegulation> FunnelRegulations { get; }
    public IEnumerable<IActivity> Activities => _activities.Values;

    public IActivity? Find(string? activityId) =>
        activityId is not null && _activities.TryGetValue(activityId, out var activity) ? activity : null;

    public IActivity? Next(string sourceId, string outcome) =>
        _next.TryGetValue((sourceId, outcome), out var target) ? _activities[target] : null;

    public CompiledRegulation? StageRegulation(string stageId) => _stageRegulations.GetValueOrDefault(stageId);

    public CompiledRegulation? Regulation(string regulationId) => Regulations.FirstOrDefault(r => r.Id == regulationId);
}
