using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>
/// An activity whose outcomes may demand data first (a stage's <c>requires</c>). The engine asks before it
/// moves a deal; anything missing refuses the move and changes nothing.
/// </summary>
public interface IOutcomeRequirements
{
    /// <summary>What the deal lacks to choose <paramref name="outcome"/>: one entry per missing item, keyed by what is
    /// missing (<c>amount</c>, <c>fields.proposalNumber</c>, <c>interaction</c>, <c>interaction.topic</c>, <c>file</c>). Empty when nothing is.
    /// <paramref name="facts"/> are what the host knows beyond the deal (the files attached to it).</summary>
    IReadOnlyDictionary<string, string[]> Missing(DealInstance deal, string outcome, Instant now, DealFacts facts);
}
