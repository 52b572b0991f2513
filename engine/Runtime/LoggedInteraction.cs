using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>
/// An interaction as the engine remembers it for a stage's requirements: its kind, when it happened, which of
/// its fields were filled, and the stage the deal was working on when it was logged. The journal itself
/// (text, result, contact) lives with the host; the engine only needs these facts to allow or refuse a move.
/// <see cref="Id"/> is the host's journal entry, so a correction of the entry can correct these facts too.
/// </summary>
public sealed record LoggedInteraction(string Kind, Instant At, IReadOnlyList<string> Filled, string? StageId = null, string? Id = null);
