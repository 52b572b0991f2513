using System.Security.Cryptography;
using System.Text;
using Crm.Api.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Auth;

/// <summary>The token signing key: configured, or generated once and kept in the data directory so tokens survive restarts.</summary>
public sealed class SigningKeyProvider
{
    public const int MinimumBytes = 32;

    public const string TooShort =
        "Crm:SigningKey is shorter than 32 bytes: HMAC-SHA256 tokens need a key of at least 256 bits. Configure a long random " +
        "value (e.g. the output of `openssl rand -base64 48`), the same on every node, or leave it unset to generate one.";

    public SigningKeyProvider(IOptions<CrmOptions> options, DataDirectory data)
    {
        var configured = options.Value.SigningKey;
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!IsLongEnough(configured))
                throw new InvalidOperationException(TooShort);
            bytes = Encoding.UTF8.GetBytes(configured);
        }
        else
        {
            var path = Path.Combine(data.Path, "signing.key");
            if (File.Exists(path))
            {
                bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
            }
            else
            {
                bytes = RandomNumberGenerator.GetBytes(MinimumBytes);
                OwnerOnlyFiles.WriteAllText(path, Convert.ToBase64String(bytes));
            }
            // A key file left readable by an older release, or copied in by hand, is tightened too.
            OwnerOnlyFiles.Restrict(path);
        }
        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }

    /// <summary>Unset (a key is generated) or at least <see cref="MinimumBytes"/> bytes of UTF-8.</summary>
    public static bool IsLongEnough(string? configured) =>
        string.IsNullOrWhiteSpace(configured) || Encoding.UTF8.GetByteCount(configured) >= MinimumBytes;
}
