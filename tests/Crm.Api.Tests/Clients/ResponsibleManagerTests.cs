using System.Net;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Clients;

/// <summary>A client has a responsible manager: the creator unless someone else is named; an active user; listed by it.</summary>
public sealed class ResponsibleManagerTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Create_WithoutAResponsible_MakesTheCreatorResponsible_AndNamesThem()
    {
        var anna = await _host.SignInAsync("anna@crm.local");

        var client = await CreateClientAsync(anna, "Romashka");

        client.Str("responsibleId").ShouldBe("anna");
        client.Str("responsibleName").ShouldBe("Anna Petrova");
        (await GetAsync(anna, $"/api/clients/{client.Str("id")}")).Str("responsibleName").ShouldBe("Anna Petrova");
    }

    [Fact]
    public async Task Put_ResponsibleId_ChangesIt_AndTheListFiltersByIt()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var romashka = (await CreateClientAsync(anna, "Romashka")).Str("id");
        await CreateClientAsync(anna, "Vector Bank", contact: "Oleg");
        var created = await anna.PostJsonAsync("/api/clients", new { name = "Zarya", kind = "company", responsibleId = "boris" });

        var put = await anna.PutJsonAsync($"/api/clients/{romashka}", new { name = "Romashka", kind = "company", responsibleId = "boris" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.JsonAsync()).Str("responsibleId").ShouldBe("boris");
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        (await put.JsonAsync()).Str("responsibleName").ShouldBe("Boris Ivanov");
        (await GetAsync(anna, "/api/clients?responsibleId=boris")).EnumerateArray().Select(c => c.Str("name")).ShouldBe(["Romashka", "Zarya"]);
        (await GetAsync(anna, "/api/clients?responsibleId=anna")).EnumerateArray().Select(c => c.Str("name")).ShouldBe(["Vector Bank"]);
        // Left out, the responsible manager stays.
        (await anna.PutJsonAsync($"/api/clients/{romashka}", new { name = "Romashka LLC", kind = "company" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(anna, $"/api/clients/{romashka}")).Str("responsibleId").ShouldBe("boris");
    }

    [Fact]
    public async Task Put_AnUnknownOrDeactivatedResponsible_Is400AndChangesNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var admin = await _host.SignInAsync("admin@crm.local");
        var client = (await CreateClientAsync(anna, "Romashka")).Str("id");
        (await admin.PutJsonAsync("/api/users/boris", new { active = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var unknown = await anna.PutJsonAsync($"/api/clients/{client}", new { name = "Renamed", kind = "company", responsibleId = "nobody" });
        var inactive = await anna.PutJsonAsync($"/api/clients/{client}", new { name = "Renamed", kind = "company", responsibleId = "boris" });
        var onCreate = await anna.PostJsonAsync("/api/clients", new { name = "Zarya", kind = "company", responsibleId = "boris" });

        foreach (var response in new[] { unknown, inactive, onCreate })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.JsonAsync()).GetProperty("errors").TryGetProperty("responsibleId", out _).ShouldBeTrue();
        }
        var card = await GetAsync(anna, $"/api/clients/{client}");
        card.Str("name").ShouldBe("Romashka");
        card.Str("responsibleId").ShouldBe("anna");
        card.GetProperty("version").GetInt32().ShouldBe(1);
        (await GetAsync(anna, "/api/clients?q=zarya")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Import_AResponsibleColumn_NamesTheManagerByEmailOrName_AnUnknownOneIsABadRow_ElseTheImporter()
    {
        var head = await _host.SignInAsync("head@crm.local");
        var good = System.Text.Encoding.UTF8.GetBytes("клиент,ответственный\r\nZarya,boris@crm.local\r\nSever Mining,Anna Petrova\r\nKedr,\r\n");
        var bad = System.Text.Encoding.UTF8.GetBytes("client,responsible\r\nOblako,nobody@crm.local\r\n");

        var refused = await Import.ImportApi.UploadAsync(head, bad, "clients.csv");
        var imported = await Import.ImportApi.UploadAsync(head, good, "clients.csv");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("nobody@crm.local");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await GetAsync(head, "/api/clients?q=zarya")).EnumerateArray().Single().Str("responsibleId").ShouldBe("boris");
        (await GetAsync(head, "/api/clients?q=sever mining")).EnumerateArray().Single().Str("responsibleId").ShouldBe("anna");
        (await GetAsync(head, "/api/clients?q=kedr")).EnumerateArray().Single().Str("responsibleId").ShouldBe("head");
        (await GetAsync(head, "/api/clients?q=oblako")).GetArrayLength().ShouldBe(0);
    }
}
