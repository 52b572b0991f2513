using System.Security.Claims;

namespace Crm.Api.Auth;

/// <summary>Who is calling, read from the access token.</summary>
public sealed record Caller(string Id, string Role, string? TeamId)
{
    /// <summary>The engine itself, reading on behalf of a caller whose command it already checked.</summary>
    public static readonly Caller System = new("system", Roles.Admin, null);

    public bool IsAdmin => Role == Roles.Admin;
    public bool IsHead => Role == Roles.Head;
    public bool IsManager => Role == Roles.Manager;

    public static Caller From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub") ?? throw new InvalidOperationException("The token has no subject."),
        principal.FindFirstValue(ClaimTypes.Role) ?? principal.FindFirstValue("role") ?? "",
        principal.FindFirstValue("team"));
}
