namespace Crm.Api.Audit;

/// <summary>
/// Who is acting right now, for the audit trail. Ambient (it flows with the async call) so that every save of a client
/// or contact, in whatever service or job, is recorded against someone without each caller passing it down; the
/// request pipeline sets the signed-in user, and a service narrows it (an import, a lead) around the work it does.
/// </summary>
public sealed class ActingParty
{
    private readonly AsyncLocal<AuditActor?> _current = new();

    /// <summary>The actor set by the nearest enclosing <see cref="Act"/>; the product itself when none was.</summary>
    public AuditActor Current => _current.Value ?? AuditActor.System;

    /// <summary>Acts as <paramref name="actor"/> until the result is disposed.</summary>
    public IDisposable Act(AuditActor actor)
    {
        var previous = _current.Value;
        _current.Value = actor;
        return new Restore(this, previous);
    }

    private sealed class Restore(ActingParty party, AuditActor? previous) : IDisposable
    {
        public void Dispose() => party._current.Value = previous;
    }
}
