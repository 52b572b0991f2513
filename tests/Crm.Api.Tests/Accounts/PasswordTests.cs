using System.Net;
using Crm.Api.Auth;
using Crm.Api.Tests.Alerts;
using Crm.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Crm.Api.Tests.Accounts;

/// <summary>Changing one's password, an admin's reset to a one-time password, the password rules, old hashes upgraded.</summary>
public sealed class PasswordTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_Is400_AndChangesNothing()
    {
        var token = await _host.TokenAsync("anna@crm.local");

        var response = await _host.WithToken(token).PutJsonAsync("/api/me/password", new { currentPassword = "not-my-password", newPassword = Accounts.NewPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").GetProperty("currentPassword")[0].GetString()!.ShouldContain("wrong");
        (await _host.WithToken(token).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.SignInRawAsync("anna@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.SignInRawAsync("anna@crm.local", Accounts.NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Short-1")]            // under the minimum length
    [InlineData("1234567890")]         // among the most common
    [InlineData("qwerty123456")]
    [InlineData("йцукенгшщз")]          // "qwertyuiop" on a Russian keyboard
    [InlineData("QWERTYUIOP")]         // common ones in any case
    [InlineData("anna@crm.local")]     // the e-mail
    public async Task ChangePassword_ToAWeakPassword_Is400NamingNewPassword_AndChangesNothing(string weak)
    {
        var token = await _host.TokenAsync("anna@crm.local");

        var response = await _host.WithToken(token).PutJsonAsync("/api/me/password", new { currentPassword = "demo", newPassword = weak });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();
        (await _host.WithToken(token).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.SignInRawAsync("anna@crm.local", weak)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("qwertyuiop")]
    [InlineData("new.person@crm.local")]
    [InlineData("new.person")]
    public async Task CreateUser_WithAWeakPassword_Is400_AndCreatesNobody(string weak)
    {
        var admin = await _host.SignInAsync("admin@crm.local");

        var response = await admin.PostJsonAsync("/api/users", new { email = "new.person@crm.local", name = "New Person", role = "manager", teamId = "sales", password = weak });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
        (await _host.SignInRawAsync("new.person@crm.local", weak)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.PostJsonAsync("/api/users", new { email = "new.person@crm.local", name = "New Person", role = "manager", teamId = "sales", password = Accounts.NewPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task PasswordReset_GivesAOneTimePassword_ThatOnlyLetsTheUserChooseANewOne()
    {
        var old = await _host.TokenAsync("anna@crm.local");
        var admin = await _host.SignInAsync("admin@crm.local");

        var reset = await admin.PostAsync("/api/users/anna/password-reset", null);

        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        var oneTime = (await reset.JsonAsync()).Str("oneTimePassword");
        oneTime.Length.ShouldBeGreaterThanOrEqualTo(PasswordRules.MinimumLength);
        (await _host.WithToken(old).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.SignInRawAsync("anna@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var signIn = await _host.SignInRawAsync("anna@crm.local", oneTime);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await signIn.JsonAsync();
        body.GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        var limited = _host.WithToken(body.Str("accessToken"));
        var me = await limited.GetAsync("/api/me");
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.JsonAsync()).GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        foreach (var path in new[] { "/api/deals", "/api/teams", "/api/alerts" })
        {
            var refused = await limited.GetAsync(path);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await Accounts.CodeAsync(refused)).ShouldBe(PasswordChangeGate.Code);
        }
        (await limited.PostJsonAsync("/api/deals", new { title = "Sneaky", workflowId = "b2b-sales" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Should.ThrowAsync<HttpRequestException>(() => AlertListener.ConnectAsync(_host, body.Str("accessToken")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var changed = await limited.PutJsonAsync("/api/me/password", new { currentPassword = oneTime, newPassword = Accounts.NewPassword });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = await changed.JsonAsync();
        fresh.GetProperty("mustChangePassword").GetBoolean().ShouldBeFalse();
        (await _host.WithToken(fresh.Str("accessToken")).GetAsync("/api/deals")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.SignInRawAsync("anna@crm.local", oneTime)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await (await _host.SignInRawAsync("anna@crm.local", Accounts.NewPassword)).JsonAsync();
        again.GetProperty("mustChangePassword").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task PasswordReset_ByANonAdmin_Is403_AndChangesNothing()
    {
        var head = await _host.SignInAsync("head@crm.local");

        var response = await head.PostAsync("/api/users/anna/password-reset", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _host.SignInRawAsync("anna@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WithAnOldFormatHash_StoresTheNewFormat_ThatStillWorks()
    {
        await _host.SetPasswordHashAsync("anna", PasswordHasher.HashLegacy(Accounts.NewPassword));
        (await _host.UserRowAsync("anna")).PasswordHash.ShouldStartWith("pbkdf2$");
        (await _host.SignInRawAsync("anna@crm.local", "Wrong-password-9")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.UserRowAsync("anna")).PasswordHash.ShouldStartWith("pbkdf2$");

        (await _host.SignInRawAsync("anna@crm.local", Accounts.NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stored = (await _host.UserRowAsync("anna")).PasswordHash;
        stored.ShouldNotStartWith("pbkdf2$");
        PasswordHasher.Check(Accounts.NewPassword, stored).ShouldBe(PasswordVerificationResult.Success);
        (await _host.SignInRawAsync("anna@crm.local", Accounts.NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.UserRowAsync("anna")).PasswordHash.ShouldBe(stored);
    }
}
