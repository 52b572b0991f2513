using System.Net;
using System.Text;
using Crm.Api.Tests.Infrastructure;

namespace Crm.Api.Tests.Hardening;

/// <summary>Bodies whose lists are null or hold nulls are 400s, not 500s, and store nothing.</summary>
public sealed class NullShapeTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Theory]
    [InlineData("""{ "id": "n1", "name": "N", "activities": null }""")]
    [InlineData("""{ "id": "n2", "name": "N", "activities": [null] }""")]
    [InlineData("""{ "id": "n3", "name": "N", "activities": [], "connections": null }""")]
    [InlineData("""{ "id": "n4", "name": "N", "activities": [], "regulations": [null] }""")]
    [InlineData("""{ "id": "n5", "name": "N", "activities": [], "regulations": [{ "id": "r", "escalations": null }] }""")]
    [InlineData("""{ "id": "n6", "name": "N", "activities": [{ "id": "s", "type": "Stage", "outcomes": [null], "regulation": { "duration": "PT1H", "escalations": [null] } }] }""")]
    [InlineData("""{ "id": "n7", "name": "N", "a": 1, "a": 2 }""")]
    public async Task CreateWorkflow_WithNullsWhereListsBelong_Is400AndStoresNothing(string json)
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var before = await admin.GetStringAsync("/api/workflows");

        var validate = await admin.PostAsync("/api/workflows/validate", new StringContent(json, Encoding.UTF8, "application/json"));
        var create = await admin.PostAsync("/api/workflows", new StringContent(json, Encoding.UTF8, "application/json"));

        validate.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await validate.Content.ReadAsStringAsync());
        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await create.Content.ReadAsStringAsync());
        (await admin.GetStringAsync("/api/workflows")).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{ "name": "N", "timeZone": "Europe/Moscow", "week": null }""")]
    [InlineData("""{ "name": "N", "timeZone": "Europe/Moscow", "holidays": null }""")]
    [InlineData("""{ "name": "N", "timeZone": "Europe/Moscow", "holidays": [null] }""")]
    [InlineData("""{ "name": "N", "timeZone": "Europe/Moscow", "overrides": [null] }""")]
    [InlineData("""{ "name": "N", "timeZone": "Europe/Moscow", "week": { "monday": null } }""")]
    [InlineData("""{ "name": "N", "timeZone": "Europe/Moscow", "week": { "monday": [null] } }""")]
    [InlineData("""{ "name": null, "timeZone": null }""")]
    [InlineData("""{ "id": 42 }""")]
    public async Task PutCalendar_WithNullsWhereValuesBelong_Is400AndStoresNothing(string json)
    {
        var admin = await _host.SignInAsync("admin@crm.local");

        var response = await admin.PutAsync("/api/calendars/nullish", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await admin.GetAsync("/api/calendars/nullish")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/clients", """{ "name": "C", "kind": "company", "contacts": [null] }""")]
    [InlineData("/api/clients", """{ "name": "C", "kind": "company", "segments": [null] }""")]
    [InlineData("/api/clients", """{ "name": "C", "kind": "company", "contacts": [{ "name": "P", "phones": [null], "emails": [null] }] }""")]
    [InlineData("/api/deals", """{ "title": "T", "workflowId": "b2b-sales", "contactIds": [null] }""")]
    [InlineData("/api/deals", """{ "title": "T", "workflowId": "b2b-sales", "client": { "name": null, "kind": null } }""")]
    public async Task Create_WithNullsInLists_Is400(string url, string json)
    {
        var admin = await _host.SignInAsync("admin@crm.local");

        var response = await admin.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PutDictionary_WithANullEntry_Is400AndKeepsTheDictionary()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        var before = await admin.GetStringAsync("/api/dictionaries/sources");

        var response = await admin.PutAsync("/api/dictionaries/sources", new StringContent("""[{ "id": "web", "name": "Web" }, null]""", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await admin.GetStringAsync("/api/dictionaries/sources")).ShouldBe(before);
    }
}
