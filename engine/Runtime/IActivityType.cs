using Crm.Engine.Definitions;

namespace Crm.Engine.Runtime;

/// <summary>
/// A kind of activity (Stage, Decision, …). Registered with the engine and looked up by
/// <see cref="TypeName"/>; the runtime only ever talks to the compiled <see cref="IActivity"/>.
/// </summary>
public interface IActivityType
{
    string TypeName { get; }

    /// <summary>Checks the definition's type-specific settings and builds the runnable activity.
    /// Problems go to <paramref name="context"/>; the returned activity is discarded when any were reported.</summary>
    IActivity Compile(ActivityDefinition definition, ActivityCompileContext context);
}
