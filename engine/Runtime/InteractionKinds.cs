namespace Crm.Engine.Runtime;

/// <summary>The kinds of interaction a journal holds, and the fields a stage may require of one.</summary>
public static class InteractionKinds
{
    public const string Call = "call";
    public const string Meeting = "meeting";
    public const string Email = "email";
    public const string Note = "note";

    public static readonly IReadOnlyList<string> All = [Call, Meeting, Email, Note];

    /// <summary>Fields of an interaction a requirement may name: its date, the contact, the topic, the result, the text.</summary>
    public static readonly IReadOnlyList<string> Fields = ["at", "contact", "topic", "result", "text"];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
