using System.Data.Common;
using System.Text;
using Crm.Engine.Runtime;

namespace Crm.Api.Persistence;

/// <summary>
/// Loads many deals with their clocks in one round trip per chunk: both SELECTs share one command and one set of
/// id parameters. Deals are read before clocks; if a commit lands in between, the deal's version is the older
/// one and the commit of whatever is built on it fails its version check, so a mixed read is never written back.
/// </summary>
internal static class DealBatchReader
{
    // Ids per round trip: well under every provider's parameter limit.
    private const int Chunk = 500;

    public static async Task<Dictionary<string, DealInstance>> LoadAsync(DbConnection connection, IReadOnlyCollection<string> dealIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, DealInstance>(dealIds.Count, StringComparer.Ordinal);
        foreach (var chunk in dealIds.Chunk(Chunk))
        {
            await using var command = connection.CreateCommand();
            var ids = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                ids.Append(i == 0 ? "@id" : ", @id").Append(i);
                SqlValues.AddParameter(command, $"@id{i}").Value = chunk[i];
            }
            command.CommandText =
                $"SELECT {StoreTables.Deals.SelectList} FROM {StoreTables.Deals.Table} WHERE \"Id\" IN ({ids});\n" +
                $"SELECT {StoreTables.Clocks.SelectList} FROM {StoreTables.Clocks.Table} WHERE \"DealId\" IN ({ids})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var deals = new List<DealRecord>(chunk.Length);
            var dealRows = new DealRowReader(reader);
            while (await reader.ReadAsync(cancellationToken))
                deals.Add(dealRows.Read());
            var clocks = new Dictionary<string, List<ClockRecord>>(StringComparer.Ordinal);
            if (!await reader.NextResultAsync(cancellationToken))
                throw new InvalidOperationException("The clocks query returned no result set.");
            var clockRows = new ClockRowReader(reader);
            while (await reader.ReadAsync(cancellationToken))
            {
                var clock = clockRows.Read();
                if (!clocks.TryGetValue(clock.DealId, out var list))
                    clocks[clock.DealId] = list = [];
                list.Add(clock);
            }
            foreach (var deal in deals)
                result[deal.Id] = DealMapper.ToDeal(deal, clocks.GetValueOrDefault(deal.Id) ?? []);
        }
        return result;
    }
}
