using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Crm.Api.Directory;
using Crm.Api.Persistence;

namespace Crm.Api.Auth;

/// <summary>
/// Whether a signed token still speaks for its user: the user exists and is active, and the token's role, team and
/// security stamp are the user's now. Read from the in-memory directory, so it costs nothing per request; an edit
/// reloads the directory on every node.
/// </summary>
public static class TokenAccountCheck
{
    public static UserRecord? Holder(ClaimsPrincipal principal, UserDirectory directory)
    {
        var user = directory.Find(principal.FindFirstValue("sub"));
        if (user is not { Active: true } || !Roles.IsKnown(user.Role))
            return null;
        if (principal.FindFirstValue("role") != user.Role || principal.FindFirstValue("team") != user.TeamId)
            return null;
        // Tokens from before stamps existed carry none; they match only users whose stamp has never changed since.
        var stamp = principal.FindFirstValue(SecurityStamp.Claim) ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(user.SecurityStamp)) ? user : null;
    }
}
