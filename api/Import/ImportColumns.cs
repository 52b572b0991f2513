namespace Crm.Api.Import;

/// <summary>The columns a client list may have, by their English or Russian header (any case).</summary>
public static class ImportColumns
{
    public const string Client = "client";
    public const string Kind = "kind";
    public const string Source = "source";
    public const string Segments = "segments";
    public const string Contact = "contact";
    public const string Position = "position";
    public const string Phones = "phones";
    public const string Emails = "emails";
    public const string Birthday = "birthday";
    public const string Responsible = "responsible";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["client"] = Client,
        ["company"] = Client,
        ["client name"] = Client,
        ["клиент"] = Client,
        ["компания"] = Client,
        ["организация"] = Client,
        ["название"] = Client,
        ["kind"] = Kind,
        ["type"] = Kind,
        ["тип"] = Kind,
        ["source"] = Source,
        ["источник"] = Source,
        ["segments"] = Segments,
        ["segment"] = Segments,
        ["сегменты"] = Segments,
        ["сегмент"] = Segments,
        ["contact"] = Contact,
        ["contact name"] = Contact,
        ["name"] = Contact,
        ["контакт"] = Contact,
        ["контактное лицо"] = Contact,
        ["фио"] = Contact,
        ["имя"] = Contact,
        ["position"] = Position,
        ["title"] = Position,
        ["должность"] = Position,
        ["phone"] = Phones,
        ["phones"] = Phones,
        ["телефон"] = Phones,
        ["телефоны"] = Phones,
        ["email"] = Emails,
        ["emails"] = Emails,
        ["e-mail"] = Emails,
        ["почта"] = Emails,
        ["эл. почта"] = Emails,
        ["birthday"] = Birthday,
        ["день рождения"] = Birthday,
        ["дата рождения"] = Birthday,
        ["responsible"] = Responsible,
        ["responsible manager"] = Responsible,
        ["manager"] = Responsible,
        ["ответственный"] = Responsible,
        ["ответственный менеджер"] = Responsible,
        ["менеджер"] = Responsible,
    };

    /// <summary>Which column holds what; headers nobody knows are listed so the preview can say they were ignored.</summary>
    public static (Dictionary<string, int> Map, List<string> Ignored) Map(IReadOnlyList<string> header)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().Trim('\uFEFF');
            if (Aliases.TryGetValue(name, out var column) && !map.ContainsKey(column))
                map[column] = i;
            else if (name.Length > 0)
                ignored.Add(name);
        }
        return (map, ignored);
    }

    public static string Cell(ImportRow row, Dictionary<string, int> map, string column) =>
        map.TryGetValue(column, out var index) && index < row.Cells.Count ? row.Cells[index].Trim() : "";

    public static List<string> Split(string value, params char[] separators) =>
        [.. value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
