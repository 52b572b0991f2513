using Crm.Engine.Alerts;
using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Testing;

/// <summary>
/// Drives one deal through <see cref="DealEngine"/> directly, the way the command processor would, keeping the
/// committed state and every alert raised. Time moves only through <see cref="Clock"/>.
/// </summary>
public sealed class DealDriver
{
    /// <summary>Monday 15 March 2027, 09:00 in Moscow: the start of a working week with no holidays.</summary>
    public static readonly Instant MondayMorning = Instant.FromUtc(2027, 3, 15, 6, 0);

    private readonly List<RaisedAlert> _alerts = [];
    private readonly List<DealEvent> _events = [];
    private DealInstance? _deal;

    public DealDriver(Flowchart flow, Instant? start = null, FakeActivityEnvironment? environment = null)
    {
        Flow = flow;
        Clock = new FakeClock(start ?? MondayMorning);
        Environment = environment ?? FakeActivityEnvironment.SalesTeam();
        Engine = new DealEngine(Environment);
    }

    public Flowchart Flow { get; }
    public FakeClock Clock { get; }
    public FakeActivityEnvironment Environment { get; }
    public DealEngine Engine { get; }
    public Instant Now => Clock.GetCurrentInstant();

    /// <summary>The deal as last committed.</summary>
    public DealInstance Deal => _deal ?? throw new InvalidOperationException("Start a deal first.");

    public IReadOnlyList<RaisedAlert> Alerts => _alerts;
    public IReadOnlyList<DealEvent> Events => _events;

    public IEnumerable<RaisedAlert> AlertsOf(string kind) => _alerts.Where(a => a.Kind == kind);

    public DealCommandResult Start(string? ownerId = FakeActivityEnvironment.Anna, decimal? amount = null, string? teamId = FakeActivityEnvironment.Sales,
        IReadOnlyDictionary<string, System.Text.Json.JsonElement>? fields = null, string id = "deal-1") =>
        Keep(Engine.Start(Flow, new NewDeal { Id = id, Title = $"Deal {id}", OwnerId = ownerId, TeamId = teamId, Amount = amount, Fields = fields }, ownerId, Now));

    public DealCommandResult Move(string outcome, string? actorId = FakeActivityEnvironment.Anna, int? expectedVersion = null, NextStepRequest? nextStep = null) =>
        Keep(Engine.Move(Flow, Deal, new MoveRequest(outcome, actorId, expectedVersion, NextStep: nextStep), Now));

    /// <summary>Moves the clock on by <paramref name="by"/> and applies the passing of time.</summary>
    public DealCommandResult Advance(Duration by)
    {
        Clock.Advance(by);
        return Advance();
    }

    /// <summary>Sets the clock to <paramref name="at"/> and applies the passing of time.</summary>
    public DealCommandResult AdvanceTo(Instant at)
    {
        Clock.Reset(at);
        return Advance();
    }

    public DealCommandResult Advance() => Keep(Engine.Advance(Flow, Deal, Now));

    public DealCommandResult Reassign(string? ownerId, string? actorId = FakeActivityEnvironment.Head) =>
        Keep(Engine.Reassign(Flow, Deal, ownerId, actorId, null, Now));

    public DealCommandResult SetNextStep(Instant at, string what = "Call back", string? actorId = FakeActivityEnvironment.Anna) =>
        Keep(Engine.SetNextStep(Flow, Deal, new NextStepRequest(at, what), actorId, null, Now));

    public DealCommandResult RecordInteraction(Instant at, string kind = "call", string? actorId = FakeActivityEnvironment.Anna, IReadOnlyList<string>? filled = null) =>
        Keep(Engine.RecordInteraction(Flow, Deal, new LoggedInteraction(kind, at, filled ?? []), actorId, new Dictionary<string, object?> { ["kind"] = kind }, Now));

    /// <summary>A meeting with everything a stage may ask of one: date, contact, topic and result.</summary>
    public DealCommandResult RecordMeeting() => RecordInteraction(Now, "meeting", filled: ["at", "contact", "topic", "result", "text"]);

    /// <summary>The latest clock of a regulation (a stage regulation's id is the stage's id).</summary>
    public RegulationClock ClockOf(string regulationId) =>
        Deal.Clocks.LastOrDefault(c => c.RegulationId == regulationId)
        ?? throw new InvalidOperationException($"The deal has no clock for regulation '{regulationId}'.");

    private DealCommandResult Keep(DealCommandResult result)
    {
        if (result.Succeeded)
        {
            _deal = result.Deal;
            _alerts.AddRange(result.Changes.Alerts);
            _events.AddRange(result.Changes.Events);
        }
        return result;
    }
}
