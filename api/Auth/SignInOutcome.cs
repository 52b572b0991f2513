using Crm.Api.Persistence;
using NodaTime;

namespace Crm.Api.Auth;

/// <summary>What a sign-in attempt came to.</summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(UserRecord User) : SignInOutcome;

    /// <summary>Wrong e-mail or password; an unknown or inactive account answers the same.</summary>
    public sealed record Refused : SignInOutcome;

    public sealed record Locked(Instant Until) : SignInOutcome;
}
