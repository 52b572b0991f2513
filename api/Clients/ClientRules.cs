using Crm.Api.Dictionaries;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using NodaTime.Text;

namespace Crm.Api.Clients;

/// <summary>What a valid client and contact look like; every problem is reported at once, keyed by field.</summary>
public static class ClientRules
{
    public const int MaxItems = 10;

    public static string? Kind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "company" or "компания" or "юрлицо" or "юр. лицо" => "company",
        "person" or "физлицо" or "физ. лицо" or "частное лицо" => "person",
        _ => null,
    };

    public static void CheckClient(ClientRequest body, ISet<string> sources, ISet<string> segments, Dictionary<string, string[]> errors, string prefix = "")
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > TextLimits.Name)
            errors[prefix + "name"] = [$"A client needs a name of at most {TextLimits.Name} characters."];
        if (Kind(body.Kind) is null)
            errors[prefix + "kind"] = ["kind is company or person."];
        if (body.Source is { } source && !sources.Contains(source))
            errors[prefix + "source"] = [$"'{source}' is not in the sources dictionary."];
        var unknown = (body.Segments ?? []).Where(s => !segments.Contains(s)).ToList();
        if (unknown.Count > 0)
            errors[prefix + "segments"] = [$"Not in the segments dictionary: {string.Join(", ", unknown)}."];
        for (var i = 0; i < (body.Contacts?.Count ?? 0); i++)
        {
            if (body.Contacts![i] is { } contact)
                CheckContact(contact, errors, $"{prefix}contacts[{i}].");
            else
                errors[$"{prefix}contacts[{i}]"] = ["A contact is an object with at least a name."];
        }
    }

    /// <summary>A responsible manager is an active user.</summary>
    public static void CheckResponsible(string? responsibleId, Crm.Api.Directory.UserDirectory directory, Dictionary<string, string[]> errors)
    {
        if (responsibleId is not null && directory.Find(responsibleId) is not { Active: true })
            errors["responsibleId"] = [$"'{responsibleId}' is not an active user."];
    }

    public static void CheckContact(ContactRequest body, Dictionary<string, string[]> errors, string prefix = "")
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > TextLimits.Name)
            errors[prefix + "name"] = [$"A contact needs a name of at most {TextLimits.Name} characters."];
        TextLimits.Check(errors, prefix + "position", body.Position, TextLimits.Name);
        if (PhoneProblem(body.Phones) is { } phone)
            errors[prefix + "phones"] = [phone];
        if (EmailProblem(body.Emails) is { } email)
            errors[prefix + "emails"] = [email];
        if (body.Birthday is { Length: > 0 } birthday && ParseBirthday(birthday) is null)
            errors[prefix + "birthday"] = ["A birthday is a date like 1980-05-17."];
    }

    public static string? PhoneProblem(IReadOnlyList<string>? phones)
    {
        if (phones is { Count: > MaxItems })
            return $"At most {MaxItems} phones.";
        foreach (var phone in phones ?? [])
        {
            if (phone is null || phone.Length > TextLimits.Phone || ContactKeys.Phone(phone) is not { Length: >= 5 and <= 15 })
                return $"'{phone}' is not a phone number: it needs 5 to 15 digits.";
        }
        return null;
    }

    public static string? EmailProblem(IReadOnlyList<string>? emails)
    {
        if (emails is { Count: > MaxItems })
            return $"At most {MaxItems} e-mails.";
        foreach (var email in emails ?? [])
        {
            if (!IsEmail(email))
                return $"'{email}' is not an e-mail address.";
        }
        return null;
    }

    public static bool IsEmail(string? email)
    {
        var text = email?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > TextLimits.Email || text.Any(char.IsWhiteSpace))
            return false;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1;
    }

    /// <summary>ISO (<c>1980-05-17</c>) or the Russian way (<c>17.05.1980</c>), normalized to ISO.</summary>
    public static string? ParseBirthday(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        foreach (var pattern in new[] { LocalDatePattern.Iso, LocalDatePattern.CreateWithInvariantCulture("dd.MM.yyyy") })
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success && result.Value.Year is > 1900 and < 2100)
                return LocalDatePattern.Iso.Format(result.Value);
        }
        return null;
    }

    public static List<string> Clean(IEnumerable<string>? values) =>
        [.. (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static Task<HashSet<string>> SourcesAsync(CrmDbContext db, CancellationToken ct) => db.IdsAsync(DictionaryKinds.Sources, ct);

    public static Task<HashSet<string>> SegmentsAsync(CrmDbContext db, CancellationToken ct) => db.IdsAsync(DictionaryKinds.Segments, ct);
}
