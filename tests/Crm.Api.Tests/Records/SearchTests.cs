using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Records;

public sealed class SearchTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Theory]
    [InlineData("+7 (495) 987-65-43")]
    [InlineData("8 495 9876543")]
    [InlineData("4959876543")]
    [InlineData("987-65-43")]
    public async Task Search_APhoneTypedDifferently_FindsTheClientContactAndDeal(string typed)
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "Ромашка ООО", phone: "84959876543");
        var deal = await CreateDealAsync(anna, new { title = "Мебель", workflowId = "b2b-sales", clientId = client.Str("id"), contactIds = new[] { FirstContactId(client) } });

        var found = await GetAsync(anna, $"/api/search?q={Uri.EscapeDataString(typed)}");

        found.GetProperty("clients").EnumerateArray().Select(c => c.Str("id")).ShouldBe([client.Str("id")]);
        found.GetProperty("contacts").EnumerateArray().Select(c => c.Str("id")).ShouldBe([FirstContactId(client)]);
        found.GetProperty("deals").EnumerateArray().Select(d => d.Str("id")).ShouldBe([deal.Str("id")]);
    }

    [Theory]
    [InlineData("ромашка")]
    [InlineData("РОМАШКА")]
    [InlineData("IRINA@ROMASHKA.TEST")]
    [InlineData("СОКОЛОВА")]
    public async Task Search_ByNameOrEmail_IgnoresCase(string typed)
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var client = await CreateClientAsync(anna, "Ромашка ООО", email: "irina@romashka.test", contact: "Ирина Соколова");

        var found = await GetAsync(anna, $"/api/search?q={Uri.EscapeDataString(typed)}");

        found.GetProperty("clients").EnumerateArray().Select(c => c.Str("id")).ShouldBe([client.Str("id")]);
    }

    [Fact]
    public async Task Search_ShowsOnlyTheDealsTheCallerMaySee()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        await CreateDealAsync(anna, new { title = "Secret tender", workflowId = "b2b-sales" });

        (await GetAsync(anna, "/api/search?q=secret")).GetProperty("deals").GetArrayLength().ShouldBe(1);
        (await GetAsync(boris, "/api/search?q=secret")).GetProperty("deals").GetArrayLength().ShouldBe(0);
        (await GetAsync(head, "/api/search?q=secret")).GetProperty("deals").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Search_TheDemoClient_ByAPhoneTypedDifferently_FindsItsRecordsAndDeal()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var found = await GetAsync(anna, "/api/search?q=" + Uri.EscapeDataString("8 (495) 123 45 67"));

        var client = found.GetProperty("clients").EnumerateArray().Single();
        client.Str("name").ShouldBe("Romashka LLC");
        found.GetProperty("contacts").EnumerateArray().Single().Str("name").ShouldBe("Irina Sokolova");
        var deal = found.GetProperty("deals").EnumerateArray().Single();
        deal.Str("clientId").ShouldBe(client.Str("id"));
        (await GetAsync(anna, $"/api/clients/{client.Str("id")}")).GetProperty("deals")[0].Str("id").ShouldBe(deal.Str("id"));
    }

    [Fact]
    public async Task Search_TooShort_Is400()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        (await anna.GetAsync("/api/search?q=a")).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }
}
