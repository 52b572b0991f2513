using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Crm.Api.Auth;

/// <summary>
/// Password hashes in ASP.NET Core Identity's format (PBKDF2 with its current parameters). Hashes of the first releases,
/// <c>pbkdf2$iterations$salt$hash</c>, still verify and ask to be rehashed, which sign-in does.
/// </summary>
public static class PasswordHasher
{
    private const string LegacyPrefix = "pbkdf2$";
    private static readonly PasswordHasher<Anyone> Identity = new();
    private static readonly Lazy<string> Dummy = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public static string Hash(string password) => Identity.HashPassword(Anyone.Instance, password);

    public static PasswordVerificationResult Check(string password, string stored)
    {
        if (stored.StartsWith(LegacyPrefix, StringComparison.Ordinal))
            return VerifyLegacy(password, stored) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed;
        try
        {
            return Identity.VerifyHashedPassword(Anyone.Instance, stored, password);
        }
        catch (FormatException)
        {
            return PasswordVerificationResult.Failed;
        }
    }

    public static bool Verify(string password, string stored) => Check(password, stored) != PasswordVerificationResult.Failed;

    /// <summary>Spends the time a real check takes, so that an unknown e-mail answers as slowly as a wrong password.</summary>
    public static void CheckAgainstNobody(string password) => Check(password, Dummy.Value);

    /// <summary>The first releases' hashes, kept to verify them once more before sign-in rehashes them.</summary>
    internal static string HashLegacy(string password, int iterations = 100_000)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"{LegacyPrefix}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    private static bool VerifyLegacy(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || !int.TryParse(parts[1], out var iterations) || iterations <= 0)
            return false;
        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Identity's hasher is generic over a user type it never reads.</summary>
    private sealed class Anyone
    {
        public static readonly Anyone Instance = new();
    }
}
