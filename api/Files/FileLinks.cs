using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crm.Api.Auth;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;

namespace Crm.Api.Files;

/// <summary>
/// Download links: the file, the user the link was made for and its expiry, signed with HMAC-SHA256 under a key derived
/// from the server's signing key (so a link cannot be turned into a token or the other way round). A link lives
/// <see cref="Lifetime"/>; whether its user may still see the file is checked again when it is opened.
/// </summary>
public sealed class FileLinks(SigningKeyProvider signingKey, IClock clock)
{
    public static readonly Duration Lifetime = Duration.FromMinutes(5);

    private readonly byte[] _key = HMACSHA256.HashData(signingKey.Key.Key, "crm file links v1"u8);

    public string Create(string fileId, string userId)
    {
        var expires = (clock.GetCurrentInstant() + Lifetime).ToUnixTimeSeconds();
        return $"/api/files/{Uri.EscapeDataString(fileId)}/content?u={Uri.EscapeDataString(userId)}&e={expires.ToString(CultureInfo.InvariantCulture)}&s={Sign(fileId, userId, expires)}";
    }

    /// <summary>The user the link was made for, when its signature holds and it has not expired.</summary>
    public string? Verify(string fileId, string? userId, long? expires, string? signature)
    {
        if (userId is null || expires is not { } e || signature is null)
            return null;
        if (clock.GetCurrentInstant().ToUnixTimeSeconds() > e)
            return null;
        var expected = Encoding.ASCII.GetBytes(Sign(fileId, userId, e));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? userId : null;
    }

    private string Sign(string fileId, string userId, long expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{fileId}\n{userId}\n{expires.ToString(CultureInfo.InvariantCulture)}")));
}
