using Crm.Engine.Alerts;
using Crm.Engine.Calendars;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Engine.Definitions;

/// <summary>Parses stage and funnel regulations: durations in the funnel's calendar, stages that exist, escalations that make sense.</summary>
internal sealed class RegulationCompiler(
    WorkflowDefinition definition,
    Dictionary<string, IActivity> activities,
    IWorkingCalendar? calendar,
    List<ValidationError> errors)
{
    private readonly Duration _workingDay = calendar?.WorkingDay ?? Duration.FromHours(24);

    public IReadOnlyList<CompiledRegulation> Compile()
    {
        var result = new List<CompiledRegulation>();
        foreach (var activity in definition.Activities.Where(a => a.Regulation is not null && !string.IsNullOrWhiteSpace(a.Id)))
        {
            if (activities.TryGetValue(activity.Id, out var compiled) && !compiled.Traits.IsStage)
            {
                errors.Add(new(activity.Id, ValidationCodes.BadSetting, $"'{activity.DisplayName}' is not a stage; only stages carry a regulation."));
                continue;
            }
            var r = activity.Regulation!;
            var regulation = Build(activity.Id, activity.Id, activity.DisplayName, activity.Id, null, r.Duration, r.WarnBefore, r.Escalations);
            if (regulation is not null)
                result.Add(regulation);
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in definition.Regulations)
        {
            if (string.IsNullOrWhiteSpace(r.Id))
            {
                errors.Add(new(null, ValidationCodes.MissingId, $"Regulation '{r.Name}' has no id."));
                continue;
            }
            if (!ids.Add(r.Id))
                errors.Add(new(r.Id, ValidationCodes.DuplicateId, $"Two regulations have the id '{r.Id}'."));
            if (r.Watch is not null)
            {
                if (r.Watch != RegulationWatch.NextStep)
                    errors.Add(new(r.Id, ValidationCodes.BadSetting, $"Regulation '{r.Name ?? r.Id}' watches '{r.Watch}'; it can watch \"{RegulationWatch.NextStep}\"."));
                else if (r.StartOn is not null || r.StopOn is not null)
                    errors.Add(new(r.Id, ValidationCodes.BadSetting, $"Regulation '{r.Name ?? r.Id}' watches the next step; it has no startOn or stopOn."));
                // Empty stage ids never match a stage, so the stage-driven paths of the ledger leave it alone.
                else if (Build(r.Id, r.Id, r.Name ?? r.Id, "", "", r.Duration, r.WarnBefore, r.Escalations) is { } watching)
                    result.Add(watching with { Watch = r.Watch });
                continue;
            }
            var known = IsStage(r.Id, r.StartOn, "starts on", allowEnd: false) & IsStage(r.Id, r.StopOn, "stops on", allowEnd: true);
            if (known && r.StartOn == r.StopOn)
                errors.Add(new(r.Id, ValidationCodes.BadSetting, $"Regulation '{r.Name ?? r.Id}' starts and stops on the same stage."));
            var regulation = Build(r.Id, r.Id, r.Name ?? r.Id, r.StartOn ?? "", r.StopOn ?? "", r.Duration, r.WarnBefore, r.Escalations);
            if (regulation is not null && known)
                result.Add(regulation);
        }
        return result;
    }

    private bool IsStage(string regulationId, string? stageId, string role, bool allowEnd)
    {
        if (stageId is not null && activities.TryGetValue(stageId, out var activity) && (activity.Traits.IsStage || (allowEnd && activity.Traits.IsTerminal)))
            return true;
        var declared = definition.Activities.Any(a => a.Id == stageId);
        if (!declared || stageId is null)
            errors.Add(new(regulationId, ValidationCodes.UnknownStage, $"Regulation '{regulationId}' {role} '{stageId}', which is not a stage of this funnel."));
        else if (activities.ContainsKey(stageId))
            errors.Add(new(regulationId, ValidationCodes.UnknownStage, $"Regulation '{regulationId}' {role} '{stageId}', which is not a stage{(allowEnd ? " or an End" : "")}."));
        return false;
    }

    private CompiledRegulation? Build(string reportOn, string id, string name, string startOn, string? stopOn,
        string? durationText, string? warnText, IReadOnlyList<EscalationDefinition> escalations)
    {
        var ok = true;
        var limit = Parse(reportOn, durationText, $"Regulation '{name}' duration", allowZero: false, ref ok);
        Duration? warn = null;
        if (warnText is not null)
        {
            warn = Parse(reportOn, warnText, $"Regulation '{name}' warning", allowZero: false, ref ok);
            if (ok && warn >= limit)
            {
                errors.Add(new(reportOn, ValidationCodes.BadDuration, $"Regulation '{name}' warns {warnText} before a deadline of {durationText}; the warning must be shorter."));
                ok = false;
            }
        }
        var compiled = new List<CompiledEscalation>();
        foreach (var escalation in escalations)
        {
            var after = Parse(reportOn, escalation.After ?? "PT0S", $"Regulation '{name}' escalation", allowZero: true, ref ok);
            var notify = escalation.Notify ?? AlertAudience.Head;
            if (!AlertAudience.IsKnown(notify))
            {
                errors.Add(new(reportOn, ValidationCodes.BadSetting, $"Regulation '{name}' escalates to '{notify}'; use \"owner\" or \"head\"."));
                ok = false;
            }
            compiled.Add(new CompiledEscalation(after, notify));
        }
        return ok ? new CompiledRegulation(id, name, startOn, stopOn, limit, warn, [.. compiled.OrderBy(e => e.After)]) : null;
    }

    private Duration Parse(string reportOn, string? text, string what, bool allowZero, ref bool ok)
    {
        var parsed = WorkingDuration.Parse(text, _workingDay, allowZero);
        if (parsed.Error is null)
            return parsed.Value;
        errors.Add(new(reportOn, ValidationCodes.BadDuration, $"{what}: {parsed.Error}."));
        ok = false;
        return Duration.Zero;
    }
}
