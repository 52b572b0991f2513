using Crm.Engine.Calendars;
using Crm.Engine.Definitions;
using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>What an activity type may use while compiling: error reporting and duration parsing in the funnel's calendar.</summary>
public sealed class ActivityCompileContext(string activityId, IWorkingCalendar? calendar, List<ValidationError> errors)
{
    public string ActivityId { get; } = activityId;

    /// <summary>The funnel's calendar, or null when the funnel names an unknown one (already reported).</summary>
    public IWorkingCalendar? Calendar { get; } = calendar;

    public void Report(string code, string message) => errors.Add(new ValidationError(ActivityId, code, message));

    /// <summary>Parses an ISO-8601 working-time duration; reports <c>bad-duration</c> and returns null when it is not one.</summary>
    public Duration? ParseDuration(string? text, string what, bool allowZero = false)
    {
        var result = WorkingDuration.Parse(text, Calendar?.WorkingDay ?? Duration.FromHours(24), allowZero);
        if (result.Error is not null)
        {
            Report(ValidationCodes.BadDuration, $"{what}: {result.Error}");
            return null;
        }
        return result.Value;
    }
}
