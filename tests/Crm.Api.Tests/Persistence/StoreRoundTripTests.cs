using Crm.Api.Persistence;
using Crm.Api.Tests.Infrastructure;
using Crm.Engine.Abstractions;
using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Api.Tests.Persistence;

/// <summary>
/// A deal with every part set goes through the real store of the real host (SQLite, or PostgreSQL under
/// CRM_TEST_DATABASE=postgres) and comes back equal to what the test wrote, part for part: the expectation is built by
/// <see cref="FullDeal"/>, never by the store's own mapper, and the comparison walks every property by reflection.
/// </summary>
public sealed class StoreRoundTripTests
{
    [Fact]
    public void FullDeal_EveryPropertyOfTheDealAndItsClocks_IsSetToANonDefaultValue()
    {
        DataParts.Unset(FullDeal.Create(), "deal").ShouldBeEmpty();
    }

    [Fact]
    public async Task CommitAsync_NewDealWithEveryPartSet_LoadsBackAsWritten()
    {
        await using var host = await CrmTestHost.StartAsync();
        var store = host.Services.GetRequiredService<IDealStore>().ShouldBeOfType<EfDealStore>();
        var deal = FullDeal.Create();
        var changes = new DealChanges();
        foreach (var clock in deal.Clocks)
            changes.ClockStarted(clock.Id);

        await store.CommitAsync([new DealWrite(deal, 0, changes)], CancellationToken.None);

        var loaded = (await store.LoadAsync([deal.Id], CancellationToken.None)).ShouldHaveSingleItem().Value;
        ShouldBeAsWritten(loaded);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CommitAsync_UpdateSettingEveryPart_LoadsBackAsWritten(bool storeKnowsLoadedState)
    {
        await using var host = await CrmTestHost.StartAsync();
        var store = host.Services.GetRequiredService<IDealStore>().ShouldBeOfType<EfDealStore>();
        var bare = Bare(FullDeal.Create());
        var created = new DealChanges();
        foreach (var clock in bare.Clocks)
            created.ClockStarted(clock.Id);
        await store.CommitAsync([new DealWrite(bare, 0, created)], CancellationToken.None);
        var loaded = (await store.LoadAsync([bare.Id], CancellationToken.None))[bare.Id];
        var changes = new DealChanges();
        // The deal's earliest event: without the loaded state, the store rewrites every clock that finished after it.
        changes.Record(FullDeal.Base - Duration.FromDays(1), "manager-2", "edited", new Dictionary<string, object?>());

        await store.CommitAsync([new DealWrite(FullDeal.Create(), loaded.Version, changes) { Loaded = storeKnowsLoadedState ? loaded : null }], CancellationToken.None);

        ShouldBeAsWritten((await store.LoadAsync([bare.Id], CancellationToken.None))[bare.Id]);
    }

    [Fact]
    public async Task CommitAsync_ContactWithOnlyAPosition_KeepsTheContact()
    {
        await using var database = await StoreDatabase.CreateAsync();
        var deal = FullDeal.Create();
        deal.Clocks.Clear();
        deal.Contact = new DealContact(null, null, null, "Chief accountant");

        await database.Store.CommitAsync([new DealWrite(deal, 0, new DealChanges())], CancellationToken.None);

        (await database.Store.LoadAsync([deal.Id], CancellationToken.None))[deal.Id].Contact.ShouldBe(new DealContact(null, null, null, "Chief accountant"));
    }

    [Fact]
    public async Task RowReaders_ColumnsSelectedInReverseOrder_ReadTheSameRows()
    {
        await using var database = await StoreDatabase.CreateAsync();
        var deal = FullDeal.Create();
        var changes = new DealChanges();
        foreach (var clock in deal.Clocks)
            changes.ClockStarted(clock.Id);
        await database.Store.CommitAsync([new DealWrite(deal, 0, changes)], CancellationToken.None);
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText =
            $"SELECT {Reversed(StoreTables.Deals.ColumnNames)} FROM {StoreTables.Deals.Table};\n" +
            $"SELECT {Reversed(StoreTables.Clocks.ColumnNames)} FROM {StoreTables.Clocks.Table} ORDER BY \"Id\" DESC";
        await using var reader = await command.ExecuteReaderAsync();

        var deals = new DealRowReader(reader);
        (await reader.ReadAsync()).ShouldBeTrue();
        DataParts.Differences(DealMapper.ToRecord(deal), deals.Read(), "deal").ShouldBeEmpty();
        (await reader.NextResultAsync()).ShouldBeTrue();
        var clocks = new ClockRowReader(reader);
        foreach (var clock in deal.Clocks.OrderByDescending(c => c.Id, StringComparer.Ordinal))
        {
            (await reader.ReadAsync()).ShouldBeTrue();
            DataParts.Differences(DealMapper.ToRecord(clock, deal), clocks.Read(), clock.Id).ShouldBeEmpty();
        }
    }

    private static void ShouldBeAsWritten(DealInstance loaded)
    {
        var compared = new HashSet<string>();
        DataParts.Differences(FullDeal.Create(), loaded, "deal", compared).ShouldBeEmpty();
        // The walk reached every property of both types: a clock-less load would leave the clock's unchecked.
        foreach (var type in new[] { typeof(DealInstance), typeof(RegulationClock) })
        {
            foreach (var property in DataParts.Of(type))
                compared.ShouldContain($"{type.Name}.{property.Name}");
        }
    }

    private static string Reversed(IEnumerable<string> columns) => string.Join(", ", columns.Reverse().Select(TableShape<object>.Quote));

    /// <summary>The same deal and clocks (ids, funnel, creation) with nothing else set: every other column changes when
    /// the full deal is written over it.</summary>
    private static DealInstance Bare(DealInstance full)
    {
        var bare = new DealInstance
        {
            Id = full.Id,
            WorkflowId = full.WorkflowId,
            WorkflowVersion = 1,
            Title = "Untitled",
            CreatedAt = full.CreatedAt,
            UpdatedAt = full.CreatedAt,
            Version = 1,
        };
        bare.Clocks.AddRange(full.Clocks.Select(c => new RegulationClock
        {
            Id = c.Id,
            RegulationId = "other-regulation",
            Name = "Other",
            StartedAt = c.StartedAt,
            Limit = Duration.FromHours(1),
            Handovers = [new ClockHandover(null, Duration.Zero)],
        }));
        return bare;
    }
}
