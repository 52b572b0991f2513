using System.Diagnostics.CodeAnalysis;

namespace Crm.Engine.Calendars;

/// <summary>The outcome of <see cref="CalendarCompiler.Compile"/>: a calendar, or every problem found.</summary>
public sealed record CalendarCompileResult
{
    private CalendarCompileResult(BusinessCalendar? calendar, IReadOnlyList<CalendarError> errors)
    {
        Calendar = calendar;
        Errors = errors;
    }

    /// <summary>The compiled calendar; null when <see cref="Errors"/> is not empty.</summary>
    public BusinessCalendar? Calendar { get; }

    public IReadOnlyList<CalendarError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Calendar))]
    public bool Succeeded => Calendar is not null;

    public static CalendarCompileResult Success(BusinessCalendar calendar) => new(calendar, []);

    public static CalendarCompileResult Failure(IReadOnlyList<CalendarError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(null, errors);
}
