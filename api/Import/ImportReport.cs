namespace Crm.Api.Import;

/// <summary>What an import found or did. Rows are numbered as in the file: the line of a CSV (the header is line 1) or the row of the sheet.</summary>
public sealed record ImportReport(
    bool Preview,
    string Format,
    string? Encoding,
    int Rows,
    int Valid,
    IReadOnlyList<BadRow> BadRows,
    ImportCounts Clients,
    ImportCounts Contacts,
    IReadOnlyList<string> IgnoredColumns);

public sealed record BadRow(int Row, string? Column, string Reason);

/// <summary>Records created, and existing ones the rows matched (and filled in).</summary>
public sealed record ImportCounts(int Created, int Matched);
