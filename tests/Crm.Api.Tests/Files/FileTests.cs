using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Tests.Infrastructure;
using static Crm.Api.Tests.Files.FileApi;
using static Crm.Api.Tests.Records.RecordsApi;

namespace Crm.Api.Tests.Files;

/// <summary>Files on deals and clients: stored by the server, typed by their bytes, downloaded by a short-lived link only
/// for people who may (still) see the deal or client.</summary>
public sealed class FileTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private string StoredFolder => Path.Combine(_host.DataDirectory, "files");

    private string[] StoredFiles() => System.IO.Directory.Exists(StoredFolder) ? System.IO.Directory.GetFiles(StoredFolder) : [];

    private static async Task<string> UploadedAsync(HttpClient client, string url, byte[] bytes, string name, string? category = null)
    {
        var response = await UploadAsync(client, url, bytes, name, category);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).Str("id");
    }

    private static async Task<string> LinkAsync(HttpClient client, string fileId) => (await GetAsync(client, $"/api/files/{fileId}/link")).Str("url");

    [Fact]
    public async Task Upload_ThenListAndDownloadByLink_GivesTheSameBytesUnderTheCyrillicName()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales" })).Str("id");
        var bytes = Pdf(3 * 1024 * 1024); // larger than the 1 MB every other request may send

        var upload = await UploadAsync(anna, $"/api/deals/{deal}/files", bytes, "КП для Ромашки.pdf", "proposal", contentType: "image/png");

        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var view = await upload.JsonAsync();
        view.Str("name").ShouldBe("КП для Ромашки.pdf");
        view.Str("contentType").ShouldBe("application/pdf");
        view.GetProperty("size").GetInt64().ShouldBe(bytes.Length);
        view.Str("category").ShouldBe("proposal");
        view.Str("dealId").ShouldBe(deal);
        view.Str("uploadedBy").ShouldBe("anna");
        view.Str("uploadedByName").ShouldBe("Anna Petrova");
        (await GetAsync(anna, $"/api/deals/{deal}/files")).EnumerateArray().Select(f => f.Str("id")).ShouldBe([view.Str("id")]);

        var url = await LinkAsync(anna, view.Str("id"));
        var download = await _host.Anonymous().GetAsync(url);

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("КП для Ромашки.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var stored = StoredFiles().ShouldHaveSingleItem();
        Path.GetFileName(stored).ShouldBe(view.Str("id"));
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(stored).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Link_ForSomeoneWhoCannotSeeTheDeal_UsedBySomeoneElse_OrAfterLosingTheDeal_Is404()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales" })).Str("id");
        var file = await UploadedAsync(anna, $"/api/deals/{deal}/files", Pdf(), "offer.pdf");
        var url = await LinkAsync(anna, file);

        (await boris.GetAsync($"/api/files/{file}/link")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await boris.GetAsync($"/api/deals/{deal}/files")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await boris.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _host.Anonymous().GetAsync(url.Replace("u=anna", "u=boris", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _host.Anonymous().GetAsync(url[..^3] + "AAA")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _host.Anonymous().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await head.PutJsonAsync($"/api/deals/{deal}/owner", new { ownerId = "boris" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _host.Anonymous().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await boris.GetAsync(await LinkAsync(boris, file))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Link_AfterFiveMinutes_Is404()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales" })).Str("id");
        var file = await UploadedAsync(anna, $"/api/deals/{deal}/files", Pdf(), "offer.pdf");
        var link = await GetAsync(anna, $"/api/files/{file}/link");
        var url = link.Str("url");
        link.Str("expiresAt").ShouldBe((_host.Clock.GetCurrentInstant() + NodaTime.Duration.FromMinutes(5)).ToString());

        _host.Clock.AdvanceMinutes(4);
        var inTime = await _host.Anonymous().GetAsync(url);
        _host.Clock.AdvanceMinutes(2);
        var late = await _host.Anonymous().GetAsync(url);

        inTime.StatusCode.ShouldBe(HttpStatusCode.OK);
        late.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_WhoseBytesAreNotWhatItsNameSays_Is400AndStoresNothing()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales" })).Str("id");

        var disguised = await UploadAsync(anna, $"/api/deals/{deal}/files", Png, "offer.pdf", contentType: "application/pdf");
        var program = await UploadAsync(anna, $"/api/deals/{deal}/files", Executable, "offer.docx");
        var badCategory = await UploadAsync(anna, $"/api/deals/{deal}/files", Pdf(), "offer.pdf", "memes");
        using var noFile = new MultipartFormDataContent { { new StringContent("proposal"), "category" } };
        var missing = await anna.PostAsync($"/api/deals/{deal}/files", noFile);

        foreach (var (response, field) in new[] { (disguised, "file"), (program, "file"), (badCategory, "category"), (missing, "file") })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        (await GetAsync(anna, $"/api/deals/{deal}/files")).GetArrayLength().ShouldBe(0);
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Is413AndStoresNothing()
    {
        var host = await CrmTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Crm:Files:MaxBytes"] = "4096" });
        try
        {
            var anna = await host.SignInAsync("anna@crm.local");
            var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales" })).Str("id");

            var justOver = await UploadAsync(anna, $"/api/deals/{deal}/files", Pdf(4097), "offer.pdf");
            var wayOver = await UploadAsync(anna, $"/api/deals/{deal}/files", Pdf(512 * 1024), "offer.pdf");
            var atTheLimit = await UploadAsync(anna, $"/api/deals/{deal}/files", Pdf(4096), "offer.pdf");

            justOver.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            wayOver.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            atTheLimit.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await GetAsync(anna, $"/api/deals/{deal}/files")).GetArrayLength().ShouldBe(1);
            System.IO.Directory.GetFiles(Path.Combine(host.DataDirectory, "files")).Length.ShouldBe(1);
        }
        finally
        {
            await host.DisposeAsync();
            host.DeleteData();
        }
    }

    [Fact]
    public async Task Delete_ByTheUploaderTheOwnerAHeadOrAnAdmin_OthersAre403Or404()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var head = await _host.SignInAsync("head@crm.local");
        var admin = await _host.SignInAsync("admin@crm.local");
        var client = (await CreateClientAsync(anna, "Romashka")).Str("id");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "b2b-sales", clientId = client })).Str("id");
        (await CreateDealAsync(boris, new { title = "Chairs", workflowId = "b2b-sales", clientId = client }, "?allowDuplicate=true")).Str("id");
        var byHead = await UploadedAsync(head, $"/api/deals/{deal}/files", Pdf(), "head.pdf");
        var byAnna = await UploadedAsync(anna, $"/api/deals/{deal}/files", Pdf(), "anna.pdf");
        var onClient = await UploadedAsync(anna, $"/api/clients/{client}/files", Pdf(), "client.pdf", "contract");
        var another = await UploadedAsync(anna, $"/api/clients/{client}/files", Pdf(), "other.pdf");

        (await boris.DeleteAsync($"/api/files/{byAnna}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await boris.DeleteAsync($"/api/files/{onClient}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anna.DeleteAsync($"/api/files/{byHead}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await head.DeleteAsync($"/api/files/{byAnna}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"/api/files/{onClient}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anna.DeleteAsync($"/api/files/{onClient}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await GetAsync(anna, $"/api/deals/{deal}/files")).GetArrayLength().ShouldBe(0);
        (await GetAsync(boris, $"/api/clients/{client}/files")).EnumerateArray().Select(f => f.Str("id")).ShouldBe([another]);
        StoredFiles().Select(Path.GetFileName).ShouldBe([another]);
    }

    [Fact]
    public async Task ClientFiles_AreForThoseWhoWorkWithTheClient()
    {
        var anna = await _host.SignInAsync("anna@crm.local");
        var boris = await _host.SignInAsync("boris@crm.local");
        var client = (await CreateClientAsync(anna, "Romashka")).Str("id");
        var file = await UploadedAsync(anna, $"/api/clients/{client}/files", Encoding("name;phone\nRomashka;+7\n"), "contacts.csv");

        (await boris.GetAsync($"/api/clients/{client}/files")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await boris.GetAsync($"/api/files/{file}/link")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = (await GetAsync(anna, $"/api/clients/{client}/files")).EnumerateArray().ShouldHaveSingleItem();
        listed.Str("contentType").ShouldBe("text/csv; charset=utf-8");
        listed.Str("clientId").ShouldBe(client);
    }

    private static byte[] Encoding(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static JsonObject FunnelRequiringAProposal() => JsonNode.Parse("""
        { "id": "offers", "name": "Offers", "start": "proposal",
          "activities": [
            { "id": "proposal", "type": "Stage", "name": "Proposal", "outcomes": ["Sent", "Lost"], "requires": { "Sent": { "file": "proposal" } } },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "proposal", "outcome": "Sent", "target": "won" },
            { "source": "proposal", "outcome": "Lost", "target": "lost" } ] }
        """)!.AsObject();

    [Fact]
    public async Task Move_ToAnOutcomeRequiringAProposal_IsMissingTheFileUntilOneIsAttached()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        (await admin.PostJsonAsync("/api/workflows", FunnelRequiringAProposal())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var published = await admin.PostAsync("/api/workflows/offers/publish", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var anna = await _host.SignInAsync("anna@crm.local");
        var deal = (await CreateDealAsync(anna, new { title = "Sofas", workflowId = "offers" })).Str("id");

        var without = await anna.PostJsonAsync($"/api/deals/{deal}/moves", new { outcome = "Sent" });
        await UploadedAsync(anna, $"/api/deals/{deal}/files", Pdf(), "price list.pdf", "other");
        var withAnother = await anna.PostJsonAsync($"/api/deals/{deal}/moves", new { outcome = "Sent" });
        await UploadedAsync(anna, $"/api/deals/{deal}/files", Pdf(), "КП.pdf", "proposal");
        var with = await anna.PostJsonAsync($"/api/deals/{deal}/moves", new { outcome = "Sent" });

        foreach (var refused in new[] { without, withAnother })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await refused.JsonAsync();
            problem.Str("code").ShouldBe("missing-data");
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["file"]);
        }
        with.StatusCode.ShouldBe(HttpStatusCode.OK, await with.Content.ReadAsStringAsync());
        (await with.JsonAsync()).Str("state").ShouldBe("won");
    }
}
