namespace Crm.Api.Persistence;

/// <summary>
/// A table as the hand-written SQL of the deal store's hot path sees it: the table name and, in order, each
/// column with how to take its value from a row object. Names are EF's (its default table and column names),
/// always double-quoted, so the same SQL runs on SQLite and PostgreSQL.
/// </summary>
internal sealed class TableShape<T>(string table, IReadOnlyList<TableColumn<T>> columns)
{
    public string Table { get; } = Quote(table);
    public IReadOnlyList<TableColumn<T>> Columns => columns;
    public IEnumerable<string> ColumnNames => columns.Select(c => c.Name);

    /// <summary>The quoted column list, in the order <see cref="Columns"/> gives.</summary>
    public string SelectList { get; } = string.Join(", ", columns.Select(c => Quote(c.Name)));

    public static string Quote(string name) => $"\"{name}\"";
}

/// <summary>One column and the value a row stores in it (already converted: instants as Unix ticks, null as DBNull).</summary>
internal sealed record TableColumn<T>(string Name, Func<T, object> Value);
