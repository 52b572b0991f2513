using Crm.Engine.Activities;
using Crm.Engine.Calendars;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Engine.Tests.Runtime;

/// <summary>The engine without a host: a compiler over the built-in activities, the 24x7 calendar and a fixed directory.</summary>
internal static class EngineFixture
{
    public static readonly Instant Start = Instant.FromUtc(2027, 3, 1, 6, 0);

    public static CompileResult Compile(string json) =>
        new WorkflowCompiler(new ActivityRegistry(BuiltInActivities.All()), new CalendarRegistry()).Compile(DefinitionJson.Parse(json), 1);

    public static Flowchart Flow(string json)
    {
        var result = Compile(json);
        result.Errors.ShouldBeEmpty();
        return result.Flowchart!;
    }

    public static DealEngine NewEngine() => new(new Directory());

    public static DealInstance Started(DealEngine engine, Flowchart flow, decimal? amount = null)
    {
        var result = engine.Start(flow, new NewDeal { Id = "d1", Title = "Deal", OwnerId = "anna", Amount = amount, ContactIds = ["c1"] }, "anna", Start);
        result.Error.ShouldBeNull();
        return result.Deal;
    }

    public static DealInstance Moved(DealEngine engine, Flowchart flow, DealInstance deal, string outcome, Instant? at = null)
    {
        var result = engine.Move(flow, deal, new MoveRequest(outcome, "anna"), at ?? Start);
        result.Error.ShouldBeNull();
        return result.Deal;
    }

    public static DealInstance Logged(DealEngine engine, Flowchart flow, DealInstance deal, string kind, Instant at, params string[] filled)
    {
        var result = engine.RecordInteraction(flow, deal, new LoggedInteraction(kind, at, ["at", .. filled]), "anna", new Dictionary<string, object?>(), Start);
        result.Error.ShouldBeNull();
        return result.Deal;
    }

    private sealed class Directory : IActivityEnvironment
    {
        public string? NextInRotation(string teamId) => "anna";

        public bool CanOwnDeals(string userId) => true;

        public string? TeamOf(string userId) => "sales";
    }
}
