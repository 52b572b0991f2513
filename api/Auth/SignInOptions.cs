namespace Crm.Api.Auth;

/// <summary>Sign-in limits (section <c>Crm:SignIn</c>).</summary>
public sealed class SignInOptions
{
    /// <summary>Sign-in attempts accepted per client address per minute; the rest get 429 with Retry-After.</summary>
    public int PermitsPerMinute { get; set; } = 20;
}
