namespace Crm.Api.Infrastructure;

/// <summary>The host's settings (section <c>Crm</c>).</summary>
public sealed class CrmOptions
{
    /// <summary>Where the embedded database and the token key live; <c>.data</c> under the content root by default.</summary>
    public string? DataDirectory { get; set; }
    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c>.</summary>
    public string Database { get; set; } = "sqlite";
    /// <summary>The database's connection string; for SQLite, <c>crm.db</c> in the data directory when absent.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Hangfire's storage: <c>memory</c> (embedded default) or <c>postgres</c> (the same database, schema <c>hangfire</c>),
    /// which every node shares so that each job runs once.</summary>
    public string Jobs { get; set; } = "memory";
    /// <summary>Redis for the SignalR backplane (<c>host:port</c>), so an alert raised on one node reaches a browser on another.</summary>
    public string? Redis { get; set; }
    /// <summary>The longest the deadline scheduler sleeps before it looks at the earliest due instant again. A commit on this
    /// node wakes it sooner; a commit on another node does not, so with several nodes this bounds how late a deadline armed
    /// less than this ahead by another node can fire. Default: 30 s on one SQLite node, 250 ms on PostgreSQL.</summary>
    public TimeSpan? SchedulerPoll { get; set; }
    /// <summary>Seed the demo users (password <c>demo</c>), team and deals on an empty database. Unset: yes in the Development
    /// and Testing environments, no in Production, which creates a first admin instead (<see cref="FirstAdminEmail"/>).</summary>
    public bool? SeedDemoData { get; set; }
    /// <summary>The e-mail of the admin created, with a one-time password printed to the log, when a database without demo data has no admin.</summary>
    public string FirstAdminEmail { get; set; } = "admin@crm.local";
    /// <summary>Key that signs access tokens; generated and kept in the data directory when absent.</summary>
    public string? SigningKey { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);
    /// <summary>Run the deadline scheduler (off in tests that drive time by hand).</summary>
    public bool RunScheduler { get; set; } = true;
    /// <summary>Sign-in limits (section <c>Crm:SignIn</c>).</summary>
    public Auth.SignInOptions SignIn { get; set; } = new();
    public bool SeedsDemoData(IHostEnvironment environment) =>
        SeedDemoData ?? (environment.IsDevelopment() || environment.IsEnvironment("Testing"));
    public bool UsesPostgres => string.Equals(Database, "postgres", StringComparison.OrdinalIgnoreCase);
    public bool JobsOnPostgres => string.Equals(Jobs, "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where website leads go (section <c>Crm:Leads</c>).</summary>
    public LeadOptions Leads { get; set; } = new();
    /// <summary>The reverse proxies in front of the nodes (section <c>Crm:ForwardedHeaders</c>).</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
    /// <summary>Files attached to deals and clients (section <c>Crm:Files</c>).</summary>
    public Files.FileSettings Files { get; set; } = new();
}

/// <summary>Website leads: the funnel and team they land in, how they are assigned, how many one address may send.</summary>
public sealed class LeadOptions
{
    public string WorkflowId { get; set; } = "inbound-lead";
    public string TeamId { get; set; } = "sales";
    /// <summary><c>funnel</c>: the funnel's own Assign activity decides, else the deal waits in the team queue;
    /// <c>roundRobin</c>: the next manager of the team owns it from the start.</summary>
    public string Assignment { get; set; } = "funnel";
    /// <summary>Leads accepted per client address per minute; the rest get 429.</summary>
    public int PermitsPerMinute { get; set; } = 10;
    /// <summary>The websites whose pages may post leads from the browser (CORS), e.g. <c>https://www.example.com</c>; none by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
