using System.Security.Claims;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace Crm.Api.Auth;

/// <summary>Issues signed access tokens for users.</summary>
public sealed class TokenIssuer(SigningKeyProvider keys, IOptions<CrmOptions> options, IClock clock)
{
    public const string Issuer = "crm";

    public (string Token, Instant ExpiresAt) Issue(UserRecord user) =>
        Issue(user, Duration.FromTimeSpan(options.Value.TokenLifetime));

    public (string Token, Instant ExpiresAt) Issue(UserRecord user, Duration lifetime)
    {
        var now = clock.GetCurrentInstant();
        var expires = now + lifetime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id),
            new(JwtRegisteredClaimNames.Email, user.Email),
            new(JwtRegisteredClaimNames.Name, user.Name),
            new("role", user.Role),
            new(SecurityStamp.Claim, user.SecurityStamp),
        };
        if (user.TeamId is not null)
            claims.Add(new Claim("team", user.TeamId));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.ToDateTimeUtc(),
            NotBefore = now.ToDateTimeUtc().AddMinutes(-1),
            Expires = expires.ToDateTimeUtc(),
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}
