using System.Net;
using Crm.Api.Persistence;
using Crm.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Journal;

/// <summary>Entries are numbered 1, 2, … per deal (per client for entries on a client alone); the number never changes.</summary>
public sealed class JournalNumberingTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static async Task<string> LogAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).Str("id");
    }

    [Fact]
    public async Task Record_OnADealAndOnItsClient_NumbersEachJournalFromOneInCreationOrder()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "Romashka");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales", clientId = client.Str("id") })).Str("id");
        var other = (await CreateDealAsync(anna, new { title = "Chairs", workflowId = "b2b-sales", clientId = client.Str("id") })).Str("id");
        var letterDate = _host.Clock.GetCurrentInstant() - NodaTime.Duration.FromDays(3);

        await LogAsync(anna, $"/api/deals/{deal}/interactions", new { kind = "email", at = letterDate, text = "Their letter of Monday" });
        _host.Clock.AdvanceMinutes(1);
        await LogAsync(anna, $"/api/deals/{other}/interactions", new { kind = "call", text = "Chairs: called" });
        await LogAsync(anna, $"/api/clients/{client.Str("id")}/interactions", new { kind = "note", text = "Birthday on Friday" });
        _host.Clock.AdvanceMinutes(1);
        await LogAsync(anna, $"/api/deals/{deal}/interactions", new { kind = "call", text = "Called about the letter" });

        var journal = (await GetAsync(anna, $"/api/deals/{deal}/interactions")).EnumerateArray().ToList();
        journal.Select(i => i.GetProperty("number").GetInt32()).ShouldBe([2, 1]);
        journal.ShouldAllBe(i => i.Str("dealTitle") == "Sofas" && i.Str("byName") == "Anna Petrova");
        journal[1].GetProperty("at").GetString().ShouldBe(letterDate.ToString());
        journal[1].GetProperty("createdAt").GetString().ShouldNotBe(letterDate.ToString());
        (await GetAsync(anna, $"/api/deals/{other}/interactions"))[0].GetProperty("number").GetInt32().ShouldBe(1);
        var clientOwn = (await GetAsync(anna, $"/api/clients/{client.Str("id")}/interactions")).EnumerateArray().Single(i => i.Str("kind") == "note");
        clientOwn.GetProperty("number").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Record_ManyAtOnceOnOneDealAndOneClient_GivesEachItsOwnNumber()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = (await CreateClientAsync(anna, "Vector Bank")).Str("id");
        var deal = (await CreateDealAsync(anna, new { title = "Rollout", workflowId = "b2b-sales" })).Str("id");
        const int Count = 12;

        await Task.WhenAll(Enumerable.Range(1, Count).SelectMany(n => new[]
        {
            LogAsync(anna, $"/api/deals/{deal}/interactions", new { kind = "call", text = $"Call {n}" }),
            LogAsync(anna, $"/api/clients/{client}/interactions", new { kind = "note", text = $"Note {n}" }),
        }));

        var onDeal = (await GetAsync(anna, $"/api/deals/{deal}/interactions")).EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).Order();
        var onClient = (await GetAsync(anna, $"/api/clients/{client}/interactions")).EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).Order();
        onDeal.ShouldBe(Enumerable.Range(1, Count));
        onClient.ShouldBe(Enumerable.Range(1, Count));
    }

    [Fact]
    public async Task Database_ASecondEntryWithTheSameNumberInAJournal_IsRefused()
    {
        // What keeps concurrent writers apart is the unique index, not luck in timing: a duplicate number cannot be stored.
        var anna = await _host.SignInAsync("anna@crm.local");
        var deal = (await CreateDealAsync(anna, new { title = "Deal", workflowId = "b2b-sales" })).Str("id");
        await LogAsync(anna, $"/api/deals/{deal}/interactions", new { kind = "call", text = "First" });

        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        db.Interactions.Add(new InteractionRecord { Id = "dup", DealId = deal, Kind = "note", Text = "x", SearchText = "x", Journal = deal, Number = 1 });

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Merge_EntriesOfTheDuplicateKeepTheirNumbersAndNameTheirDeal_AndTheSurvivorCountsOn()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var survivor = (await CreateDealAsync(anna, new { title = "Main", workflowId = "b2b-sales" })).Str("id");
        var duplicate = (await CreateDealAsync(anna, new { title = "Copy", workflowId = "b2b-sales" }, "?allowDuplicate=true")).Str("id");
        await LogAsync(anna, $"/api/deals/{survivor}/interactions", new { kind = "call", text = "Main 1" });
        await LogAsync(anna, $"/api/deals/{duplicate}/interactions", new { kind = "call", text = "Copy 1" });
        await LogAsync(anna, $"/api/deals/{duplicate}/interactions", new { kind = "call", text = "Copy 2" });

        (await anna.PostJsonAsync($"/api/deals/{survivor}/merge", new { otherDealId = duplicate })).StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Clock.AdvanceMinutes(1);
        await LogAsync(anna, $"/api/deals/{survivor}/interactions", new { kind = "call", text = "Main 2" });

        var journal = (await GetAsync(anna, $"/api/deals/{survivor}/interactions")).EnumerateArray()
            .ToDictionary(i => i.Str("text"), i => (Number: i.GetProperty("number").GetInt32(), Deal: i.Str("dealTitle")));
        journal["Main 1"].ShouldBe((1, "Main"));
        journal["Copy 1"].ShouldBe((1, "Copy"));
        journal["Copy 2"].ShouldBe((2, "Copy"));
        journal["Main 2"].ShouldBe((2, "Main"));
    }
}
