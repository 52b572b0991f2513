using System.Net;
using System.Security.Claims;
using Crm.Api.Auth;
using Crm.Api.Tests.Alerts;
using Crm.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Tests.Accounts;

/// <summary>A token dies with its account's access: deactivation, a new role or team, a new password, an unknown role.</summary>
public sealed class TokenRevocationTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task Deactivate_OldToken_Is401OnRest_AndTheHubRefusesIt()
    {
        var token = await _host.TokenAsync("anna@crm.local");
        (await _host.WithToken(token).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _host.EditUserAsync("anna", new { active = false });

        (await _host.WithToken(token).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.WithToken(token).GetAsync("/api/deals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var refused = await Should.ThrowAsync<HttpRequestException>(() => AlertListener.ConnectAsync(_host, token));
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deactivate_ClosesTheUsersOpenHubConnection_AndLeavesOthersOpen()
    {
        await using var anna = await AlertListener.ConnectAsync(_host, await _host.TokenAsync("anna@crm.local"));
        await using var boris = await AlertListener.ConnectAsync(_host, await _host.TokenAsync("boris@crm.local"));
        var closed = new TaskCompletionSource();
        anna.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        await _host.EditUserAsync("anna", new { active = false });

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        boris.Connection.State.ShouldBe(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
    }

    [Fact]
    public async Task Demote_AdminToManager_OldTokenIs401_FreshTokenIs403()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        (await admin.PostJsonAsync("/api/users", new { id = "second", email = "second@crm.local", name = "Second Admin", role = "admin", password = Accounts.NewPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var old = await _host.TokenAsync("second@crm.local", Accounts.NewPassword);

        await _host.EditUserAsync("second", new { role = "manager", teamId = "sales" });

        var newUser = new { email = "third@crm.local", name = "Third", role = "admin", password = Accounts.NewPassword };
        (await _host.WithToken(old).PostJsonAsync("/api/users", newUser)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var fresh = await _host.TokenAsync("second@crm.local", Accounts.NewPassword);
        (await _host.WithToken(fresh).PostJsonAsync("/api/users", newUser)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var users = await (await (await _host.SignInAsync("admin@crm.local")).GetAsync("/api/users")).Content.ReadAsStringAsync();
        users.ShouldNotContain("third@crm.local");
    }

    [Fact]
    public async Task MoveToAnotherTeam_OldTokenIs401_FreshTokenWorks()
    {
        var admin = await _host.SignInAsync("admin@crm.local");
        (await admin.PostJsonAsync("/api/teams", new { id = "north", name = "North" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var old = await _host.TokenAsync("anna@crm.local");

        await _host.EditUserAsync("anna", new { teamId = "north" });

        (await _host.WithToken(old).GetAsync("/api/deals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.WithToken(await _host.TokenAsync("anna@crm.local")).GetAsync("/api/deals")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_OldTokenIs401_TheAnsweredTokenWorks()
    {
        var old = await _host.TokenAsync("anna@crm.local");

        var changed = await _host.WithToken(old).PutJsonAsync("/api/me/password", new { currentPassword = "demo", newPassword = Accounts.NewPassword });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = (await changed.JsonAsync()).Str("accessToken");
        (await _host.WithToken(old).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.WithToken(fresh).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.SignInRawAsync("anna@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.SignInRawAsync("anna@crm.local", Accounts.NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("")]
    [InlineData("Admin")]
    public async Task UnknownRole_InATokenSignedWithTheRealKey_GetsNothing(string role)
    {
        await _host.TokenAsync("admin@crm.local"); // the first token generates the host's key file
        var stamp = (await _host.UserRowAsync("admin")).SecurityStamp;
        var genuine = _host.WithToken(Forge("admin", Roles.Admin, stamp));
        (await genuine.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.OK); // the forging itself is right

        var forged = _host.WithToken(Forge("admin", role, stamp));

        (await forged.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await forged.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await forged.PostJsonAsync("/api/users", new { email = "x@crm.local", name = "X", role = "admin", password = Accounts.NewPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>A token signed with the host's own key (generated into the data directory), as a thief of the key file could.</summary>
    private string Forge(string subject, string role, string stamp)
    {
        var key = Convert.FromBase64String(File.ReadAllText(Path.Combine(_host.DataDirectory, "signing.key")).Trim());
        var now = _host.Clock.GetCurrentInstant().ToDateTimeUtc();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenIssuer.Issuer,
            Audience = TokenIssuer.Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role), new Claim(SecurityStamp.Claim, stamp)]),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
