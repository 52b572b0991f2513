using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>
/// A command for one deal, applied by the <see cref="DealCommandProcessor"/> against the freshly loaded state.
/// <see cref="Guard"/> runs on that same state, so a permission check cannot race with the change it guards.
/// </summary>
public sealed class DealCommand
{
    private readonly Func<DealEngine, Flowchart, DealInstance?, Instant, DealCommandResult> _apply;

    private DealCommand(string dealId, string? workflowId, int? workflowVersion, Func<DealEngine, Flowchart, DealInstance?, Instant, DealCommandResult> apply)
    {
        DealId = dealId;
        WorkflowId = workflowId;
        WorkflowVersion = workflowVersion;
        _apply = apply;
    }

    public string DealId { get; }
    /// <summary>For a new deal: the funnel and version it starts on. Otherwise the deal's own.</summary>
    public string? WorkflowId { get; }
    public int? WorkflowVersion { get; }
    public Func<DealInstance, EngineError?>? Guard { get; init; }
    /// <summary>Commands the engine issues itself (timers) are quiet about deals that vanished or closed.</summary>
    public bool IsStart => WorkflowId is not null;

    /// <summary>The same command, refused when <paramref name="guard"/> says no on the state it would change.</summary>
    public DealCommand WithGuard(Func<DealInstance, EngineError?> guard) => new(DealId, WorkflowId, WorkflowVersion, _apply) { Guard = guard };

    internal DealCommandResult Apply(DealEngine engine, Flowchart flow, DealInstance? current, Instant now) => _apply(engine, flow, current, now);

    public static DealCommand Start(NewDeal deal, string workflowId, int version, string? actorId) =>
        new(deal.Id, workflowId, version, (engine, flow, _, now) => engine.Start(flow, deal, actorId, now));

    public static DealCommand Move(string dealId, MoveRequest move) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.Move(flow, deal!, move, now));

    public static DealCommand Advance(string dealId) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.Advance(flow, deal!, now));

    public static DealCommand Reassign(string dealId, string? ownerId, string? actorId, int? expectedVersion) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.Reassign(flow, deal!, ownerId, actorId, expectedVersion, now));

    /// <summary>Takes an unowned deal from the team queue; refused when someone already owns it.</summary>
    public static DealCommand Take(string dealId, string userId) =>
        new(dealId, null, null, (engine, flow, deal, now) => deal!.OwnerId is { } owner
            ? DealCommandResult.Refused(deal, new EngineError(EngineErrorKind.Conflict, "already-taken", owner == userId ? "You already own this deal." : "Someone else took this deal first."))
            : engine.Reassign(flow, deal, userId, userId, null, now));

    public static DealCommand SetNextStep(string dealId, NextStepRequest next, string? actorId, int? expectedVersion) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.SetNextStep(flow, deal!, next, actorId, expectedVersion, now));

    /// <summary>Shows <paramref name="next"/> (the deal's earliest open activity, or none) as the deal's next step.</summary>
    public static DealCommand ProjectNextStep(string dealId, NextStepRequest? next, string? actorId) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.ProjectNextStep(flow, deal!, next, actorId, now));

    public static DealCommand RecordInteraction(string dealId, LoggedInteraction interaction, string? actorId, IReadOnlyDictionary<string, object?> details) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.RecordInteraction(flow, deal!, interaction, actorId, details, now));

    /// <summary>A journal entry was corrected: the facts a stage requirement reads change with it.</summary>
    public static DealCommand CorrectInteraction(string dealId, string interactionId, Instant at, IReadOnlyList<string> filled, string? actorId, IReadOnlyDictionary<string, object?> details) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.CorrectInteraction(flow, deal!, interactionId, at, filled, actorId, details, now));

    public static DealCommand UpdateDetails(string dealId, DealDetailsUpdate update, string? actorId, int? expectedVersion) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.UpdateDetails(flow, deal!, update, actorId, expectedVersion, now));

    /// <summary>Moves the deal to <paramref name="target"/> (a published version the host loaded), at its start or at <paramref name="stageId"/>.</summary>
    public static DealCommand Transfer(string dealId, Flowchart target, string? stageId, string? actorId, int? expectedVersion) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.Transfer(flow, target, deal!, stageId, actorId, expectedVersion, now));

    public static DealCommand LinkContact(string dealId, string contactId, string contactClientId, DealClient contactClient, bool main, string? actorId, int? expectedVersion) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.LinkContact(flow, deal!, contactId, contactClientId, contactClient, main, actorId, expectedVersion, now));

    public static DealCommand UnlinkContact(string dealId, string contactId, string? actorId, int? expectedVersion) =>
        new(dealId, null, null, (engine, flow, deal, now) => engine.UnlinkContact(flow, deal!, contactId, actorId, expectedVersion, now));

    /// <summary>Merging a duplicate: two commands the processor applies together or not at all (<see cref="DealCommandProcessor.SubmitAllAsync"/>).
    /// The duplicate must still be at the version <paramref name="other"/> was read at.</summary>
    public static IReadOnlyList<DealCommand> Merge(string survivorId, MergeSource other, string? actorId, int? expectedVersion) =>
    [
        new(other.DealId, null, null, (engine, flow, deal, now) => engine.CloseAsMerged(flow, deal!, survivorId, actorId, other.Version, now)),
        new(survivorId, null, null, (engine, flow, deal, now) => engine.Absorb(flow, deal!, other, actorId, expectedVersion, now)),
    ];
}
