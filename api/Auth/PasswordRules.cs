namespace Crm.Api.Auth;

/// <summary>What a new password must be: long enough, not on the list of the most common ones, not the e-mail.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 10;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Why <paramref name="password"/> is refused for the account with <paramref name="email"/>, or null when it is fine.</summary>
    public static string? Problem(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
            return $"A password has at least {MinimumLength} characters.";
        if (Common.Value.Contains(password.ToLowerInvariant()))
            return "This password is one of the most common ones; choose another.";
        if (email is not null && (string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(password.Trim(), email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
            return "A password cannot be your e-mail.";
        return null;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Crm.Api.Auth.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded in the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line.Trim().ToLowerInvariant());
        }
        return set;
    }
}
