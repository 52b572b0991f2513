using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>What the owner promised to do next and when. <see cref="OverdueAlerted"/> keeps the alert to one.</summary>
public sealed record NextStep(Instant At, string What, Instant SetAt, bool OverdueAlerted = false);
