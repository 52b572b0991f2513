using System.Security.Cryptography;
using System.Text;
using Crm.Api.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Auth;

/// <summary>The token signing key: configured, or generated once and kept in the data directory so tokens survive restarts.</summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<CrmOptions> options, DataDirectory data)
    {
        var configured = options.Value.SigningKey;
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            bytes = Encoding.UTF8.GetBytes(configured.PadRight(32, '.'));
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
                bytes = RandomNumberGenerator.GetBytes(32);
                File.WriteAllText(path, Convert.ToBase64String(bytes));
            }
        }
        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }
}
