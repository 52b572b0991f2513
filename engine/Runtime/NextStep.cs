using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>What the owner promised to do next and when: the projection of the deal's earliest open activity, which the
/// host keeps current. <see cref="OverdueAlerted"/> says its time has passed (the engine raises no alert for it).</summary>
public sealed record NextStep(Instant At, string What, Instant SetAt, bool OverdueAlerted = false);
