using System.Data.Common;
using System.Text;

namespace Crm.Api.Persistence;

/// <summary>
/// Collects rows for one table and inserts them with multi-row INSERT statements: one statement carries many rows,
/// and the full-size statement is prepared once and re-bound for every chunk.
/// </summary>
internal sealed class RowInserter<T>(DbConnection connection, DbTransaction transaction, TableShape<T> shape) : IDisposable
{
    // 999 bound values per statement: SQLite's historical limit, and well inside every other provider's.
    private const int MaxParameters = 999;

    private readonly List<T> _rows = [];
    private readonly int _rowsPerStatement = Math.Max(1, MaxParameters / shape.Columns.Count);
    private BoundCommand? _full;

    public void Add(T row) => _rows.Add(row);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var offset = 0;
        for (; _rows.Count - offset >= _rowsPerStatement; offset += _rowsPerStatement)
        {
            _full ??= Create(_rowsPerStatement, prepare: true);
            await _full.ExecuteAsync(_rows, offset, shape, cancellationToken);
        }
        if (offset < _rows.Count)
        {
            var rest = Create(_rows.Count - offset, prepare: false);
            await using (rest.Command)
                await rest.ExecuteAsync(_rows, offset, shape, cancellationToken);
        }
        _rows.Clear();
    }

    public void Dispose() => _full?.Command.Dispose();

    private BoundCommand Create(int rows, bool prepare)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var columns = shape.Columns.Count;
        var parameters = new DbParameter[rows * columns];
        var sql = new StringBuilder($"INSERT INTO {shape.Table} ({shape.SelectList}) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns; column++)
            {
                var index = row * columns + column;
                sql.Append(column == 0 ? "" : ", ").Append("@p").Append(index);
                parameters[index] = SqlValues.AddParameter(command, $"@p{index}");
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        if (prepare)
            SqlValues.Prepare(command);
        return new BoundCommand(command, parameters);
    }

    private sealed record BoundCommand(DbCommand Command, DbParameter[] Parameters)
    {
        public Task<int> ExecuteAsync(List<T> rows, int offset, TableShape<T> shape, CancellationToken cancellationToken)
        {
            var columns = shape.Columns;
            var count = Parameters.Length / columns.Count;
            for (var row = 0; row < count; row++)
            {
                var value = rows[offset + row];
                for (var column = 0; column < columns.Count; column++)
                    Parameters[row * columns.Count + column].Value = columns[column].Value(value);
            }
            return Command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
