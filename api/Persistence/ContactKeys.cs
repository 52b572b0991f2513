namespace Crm.Api.Persistence;

/// <summary>How contacts are compared: e-mail case-insensitively, phones by their digits.</summary>
public static class ContactKeys
{
    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : digits;
    }
}
