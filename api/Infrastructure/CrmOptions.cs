namespace Crm.Api.Infrastructure;

/// <summary>The host's settings (section <c>Crm</c>).</summary>
public sealed class CrmOptions
{
    /// <summary>Where the embedded database and the token key live; <c>.data</c> under the content root by default.</summary>
    public string? DataDirectory { get; set; }
    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c>.</summary>
    public string Database { get; set; } = "sqlite";
    public string? ConnectionString { get; set; }
    /// <summary>Seed the demo users, team, calendar, funnels and deals on an empty database.</summary>
    public bool SeedDemoData { get; set; } = true;
    /// <summary>Key that signs access tokens; generated and kept in the data directory when absent.</summary>
    public string? SigningKey { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);
    /// <summary>Run the deadline scheduler (off in tests that drive time by hand).</summary>
    public bool RunScheduler { get; set; } = true;
}
