using Crm.Engine.Runtime;

namespace Crm.Api.Activities;

/// <summary>What an activity is, its states, and the work results that need no words.</summary>
public static class ActivityKinds
{
    public const string Call = "call";
    public const string Meeting = "meeting";
    public const string Task = "task";
    public const string Email = "email";

    public const string Open = "open";
    public const string Done = "done";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Call, Meeting, Task, Email];

    /// <summary>Results a manager picks in one click: completing with one of these needs no text.</summary>
    public static readonly IReadOnlyList<string> QuickResults = ["no-answer", "wrong-number", "call-back-later"];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    public static bool IsQuick(string? result) => result is not null && QuickResults.Contains(result, StringComparer.Ordinal);

    /// <summary>The journal entry a completed activity writes: a task is noted, the others are what they were.</summary>
    public static string InteractionKind(string kind) => kind == Task ? InteractionKinds.Note : kind;
}
