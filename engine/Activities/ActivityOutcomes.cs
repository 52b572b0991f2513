using Crm.Engine.Definitions;
using Crm.Engine.Runtime;

namespace Crm.Engine.Activities;

internal static class ActivityOutcomes
{
    /// <summary>The declared outcomes, blank and repeated names reported.</summary>
    public static IReadOnlyList<string> Distinct(ActivityDefinition definition, ActivityCompileContext context)
    {
        var seen = new List<string>();
        foreach (var outcome in definition.Outcomes ?? [])
        {
            if (string.IsNullOrWhiteSpace(outcome))
                context.Report(ValidationCodes.BadSetting, $"'{definition.DisplayName}' has an outcome with no name.");
            else if (seen.Contains(outcome, StringComparer.Ordinal))
                context.Report(ValidationCodes.BadSetting, $"'{definition.DisplayName}' lists outcome '{outcome}' twice.");
            else
                seen.Add(outcome);
        }
        return seen;
    }

    /// <summary>Outcomes for activities that always finish the same way unless the definition names others.</summary>
    public static IReadOnlyList<string> OrDefault(ActivityDefinition definition, ActivityCompileContext context, params string[] defaults)
    {
        var declared = Distinct(definition, context);
        return declared.Count > 0 ? declared : defaults;
    }
}
