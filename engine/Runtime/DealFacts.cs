namespace Crm.Engine.Runtime;

/// <summary>
/// What the host knows about a deal that the engine does not keep, handed in with a command so a stage's requirements
/// can be checked against it: the categories of the files attached to the deal (the host stores the files).
/// </summary>
public sealed record DealFacts(IReadOnlyCollection<string> FileCategories)
{
    public static readonly DealFacts None = new([]);
}
