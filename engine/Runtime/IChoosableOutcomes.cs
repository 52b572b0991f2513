namespace Crm.Engine.Runtime;

/// <summary>An activity whose outcomes a person picks (a stage). Lists every outcome a move may name.</summary>
public interface IChoosableOutcomes
{
    IReadOnlyList<string> ChoosableOutcomes { get; }
}
