using System.Collections.Concurrent;
using NodaTime;

namespace Crm.Api.Auth;

/// <summary>
/// Failures against e-mails that have no account, counted like an account's own, so that guessing at an unknown
/// e-mail locks out just as a real one does and the answers do not tell which e-mails exist. Per node and in memory:
/// nothing of value is behind these e-mails.
/// </summary>
public sealed class UnknownAccountLockouts
{
    private const int MaxTracked = 10_000;
    private readonly ConcurrentDictionary<string, (int Failures, Instant? Until)> _failures = new(StringComparer.Ordinal);

    public Instant? LockedUntil(string email, Instant now) =>
        _failures.TryGetValue(email, out var entry) && entry.Until > now ? entry.Until : null;

    public void Failed(string email, Instant now)
    {
        // A flood of made-up e-mails must not grow memory without end; forgetting them only shortens their locks.
        if (_failures.Count >= MaxTracked)
            _failures.Clear();
        _failures.AddOrUpdate(email,
            _ => (1, null),
            (_, entry) => (entry.Failures + 1, SignInLockout.After(entry.Failures + 1) is { } lockFor ? now + lockFor : entry.Until));
    }
}
