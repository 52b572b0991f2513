using System.Security.Cryptography;

namespace Crm.Api.Auth;

/// <summary>A random value on the user row that every token carries: a new one ends every token issued before it.</summary>
public static class SecurityStamp
{
    public const string Claim = "stamp";

    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
