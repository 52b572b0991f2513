namespace Crm.Engine.Runtime;

/// <summary>A compiled, immutable activity of a published funnel version.</summary>
public interface IActivity
{
    string Id { get; }
    string Name { get; }
    string TypeName { get; }

    /// <summary>Outcomes that must each be connected to a next activity.</summary>
    IReadOnlyList<string> Outcomes { get; }

    /// <summary>How the activity sits in the graph; used by validation and clocks, never to pick behaviour.</summary>
    ActivityTraits Traits { get; }

    /// <summary>Runs when a deal arrives at the activity.</summary>
    ActivityStep Enter(ActivityContext context);

    /// <summary>Runs when the bookmark this activity left is resumed.</summary>
    ActivityStep Resume(ActivityContext context, Resumption resumption);
}

/// <summary>Graph facts about an activity.</summary>
/// <param name="IsStage">A status a deal rests in, visible on the board, waiting for its owner.</param>
/// <param name="IsTerminal">Closes the deal; needs no outgoing connection.</param>
/// <param name="PausesClocks">While a deal is here, its regulation clocks stand still.</param>
/// <param name="ReturnOutcome">An outcome that returns the deal to the stage it came from instead of following a connection.</param>
/// <param name="MayWait">May leave a bookmark (a stage, a timer); a cycle with no such activity would never stop.</param>
public sealed record ActivityTraits(bool IsStage = false, bool IsTerminal = false, bool PausesClocks = false, string? ReturnOutcome = null, bool MayWait = false)
{
    public static readonly ActivityTraits PassThrough = new();
}
