using System.Net;
using System.Text.RegularExpressions;
using Crm.Api.Infrastructure;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Crm.Api.Tests.Accounts;

/// <summary>A production start has no demo accounts unless asked: it creates a first admin with a one-time password instead.</summary>
public sealed partial class ProductionStartTests
{
    [Fact]
    public async Task ProductionStart_WithoutTheDemoFlag_HasNoDemo_AndAFirstAdminWhoMustChooseAPassword()
    {
        var logs = new LogRecorder();
        var host = await CrmTestHost.StartAsync(environment: Environments.Production, logs: logs);
        try
        {
            (await host.SignInRawAsync("anna@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await host.SignInRawAsync("admin@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var announcement = logs.Warnings.ShouldHaveSingleItem();
            announcement.ShouldContain("admin@crm.local");
            var oneTime = OneTimePassword().Match(announcement).Groups[1].Value;
            oneTime.ShouldNotBeEmpty();

            var first = await (await host.SignInRawAsync("admin@crm.local", oneTime)).JsonAsync();
            first.GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
            first.GetProperty("user").Str("role").ShouldBe("admin");
            var limited = host.WithToken(first.Str("accessToken"));
            (await limited.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await limited.PutJsonAsync("/api/me/password", new { currentPassword = oneTime, newPassword = Accounts.NewPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);

            var admin = host.WithToken(await host.TokenAsync("admin@crm.local", Accounts.NewPassword));
            (await (await admin.GetAsync("/api/users")).JsonAsync()).GetArrayLength().ShouldBe(1);
            (await (await admin.GetAsync("/api/deals")).JsonAsync()).GetArrayLength().ShouldBe(0);

            // The next start finds an admin: no new password, nothing printed.
            var restartLogs = new LogRecorder();
            await host.DisposeAsync();
            host = await CrmTestHost.StartAsync(host.DataDirectory, environment: Environments.Production, logs: restartLogs);
            restartLogs.Warnings.ShouldBeEmpty();
            (await host.SignInRawAsync("admin@crm.local", Accounts.NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await host.DisposeAsync();
            host.DeleteData();
        }
    }

    [Fact]
    public async Task ProductionStart_WithTheDemoFlag_SeedsTheDemo_AndWarnsAtEveryStart()
    {
        var demo = new Dictionary<string, string?> { ["Crm:SeedDemoData"] = "true" };
        var logs = new LogRecorder();
        var host = await CrmTestHost.StartAsync(settings: demo, environment: Environments.Production, logs: logs);
        try
        {
            (await host.SignInRawAsync("anna@crm.local", "demo")).StatusCode.ShouldBe(HttpStatusCode.OK);
            logs.Warnings.ShouldContain(w => w.Contains("demo accounts with the password 'demo' exist", StringComparison.OrdinalIgnoreCase));

            var again = new LogRecorder();
            await host.DisposeAsync();
            host = await CrmTestHost.StartAsync(host.DataDirectory, settings: demo, environment: Environments.Production, logs: again);
            again.Warnings.ShouldContain(w => w.Contains("demo accounts with the password 'demo' exist", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await host.DisposeAsync();
            host.DeleteData();
        }
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Testing", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Production", true, true)]
    [InlineData("Development", false, false)]
    public void SeedDemoData_DefaultsByEnvironment(string environment, bool? configured, bool seeds) =>
        new CrmOptions { SeedDemoData = configured }.SeedsDemoData(new HostingEnvironment { EnvironmentName = environment }).ShouldBe(seeds);

    [GeneratedRegex("one-time password (\\S+)")]
    private static partial Regex OneTimePassword();
}
