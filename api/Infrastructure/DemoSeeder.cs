using System.Text.Json;
using Crm.Api.Auth;
using Crm.Api.Clients;
using Crm.Api.Persistence;
using Crm.Engine.Calendars;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using Crm.Workflows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Infrastructure;

/// <summary>
/// Fills an empty database: the built-in calendar, dictionaries and funnels always; the demo users, team and
/// deals in the demo profile. Never overwrites what is there, so restarts and upgrades keep people's edits.
/// </summary>
internal sealed class DemoSeeder(
    IDbContextFactory<CrmDbContext> contexts,
    WorkflowCompiler compiler,
    DealCommandProcessor deals,
    IClock clock,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedEssentialsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        if (!await db.Calendars.AnyAsync(cancellationToken))
        {
            var moscow = SampleCalendars.Moscow();
            db.Calendars.Add(new CalendarRecord { Id = moscow.Id, Name = moscow.Name, Json = JsonSerializer.Serialize(moscow, CalendarJson.Options), UpdatedAt = now });
        }
        // Per kind, so a database from before a dictionary existed (segments) gets its seed too.
        var seed = BuiltInWorkflows.Dictionaries();
        var present = await db.Dictionaries.Select(d => d.Kind).Distinct().ToListAsync(cancellationToken);
        foreach (var (kind, entries) in new[] { ("sources", seed.Sources), ("workResults", seed.WorkResults), ("segments", seed.Segments ?? []), ("fileCategories", seed.FileCategories ?? []) })
        {
            if (!present.Contains(kind))
                db.Dictionaries.AddRange(entries.Select(s => new DictionaryRecord { Kind = kind, Id = s.Id, Name = s.Name }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Publishes version 1 of every built-in funnel that is not in the database yet.</summary>
    public async Task SeedWorkflowsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var definition in BuiltInWorkflows.All())
        {
            if (await db.Workflows.AnyAsync(w => w.Id == definition.Id, cancellationToken))
                continue;
            var compiled = compiler.Compile(definition, 1);
            if (!compiled.IsValid)
            {
                logger.LogError("Built-in funnel {WorkflowId} does not validate: {Errors}", definition.Id, string.Join("; ", compiled.Errors.Select(e => e.Message)));
                continue;
            }
            var json = DefinitionJson.Write(definition);
            db.Workflows.Add(new WorkflowRecord { Id = definition.Id, Name = definition.Name, DraftJson = json, PublishedVersion = 1, UpdatedAt = now });
            db.WorkflowVersions.Add(new WorkflowVersionRecord { WorkflowId = definition.Id, Number = 1, Json = json, PublishedAt = now, PublishedBy = "system" });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public const string DemoPassword = "demo";

    public static readonly string[] DemoEmails = ["admin@crm.local", "head@crm.local", "anna@crm.local", "boris@crm.local"];

    public async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
            return;
        var hash = PasswordHasher.Hash(DemoPassword);
        db.Teams.Add(new TeamRecord { Id = "sales", Name = "Sales", HeadId = "head" });
        db.Users.AddRange(
            new UserRecord { Id = "admin", Email = "admin@crm.local", Name = "Alexandra Admin", Role = Roles.Admin, PasswordHash = hash },
            new UserRecord { Id = "head", Email = "head@crm.local", Name = "Helen Head", Role = Roles.Head, TeamId = "sales", PasswordHash = hash },
            new UserRecord { Id = "anna", Email = "anna@crm.local", Name = "Anna Petrova", Role = Roles.Manager, TeamId = "sales", PasswordHash = hash },
            new UserRecord { Id = "boris", Email = "boris@crm.local", Name = "Boris Ivanov", Role = Roles.Manager, TeamId = "sales", PasswordHash = hash });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the demo users: admin@crm.local, head@crm.local, anna@crm.local, boris@crm.local (password: demo).");
    }

    /// <summary>A handful of open deals so the board is not empty on first start.</summary>
    public async Task SeedDemoDealsAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Deals.AnyAsync(cancellationToken))
                return;
        }
        var samples = new (string Title, string Owner, decimal Amount, string Client, string Contact, string Email, string Phone)[]
        {
            ("Office furniture for Romashka", "anna", 450_000m, "Romashka LLC", "Irina Sokolova", "irina@romashka.example", "+7 495 123-45-67"),
            ("CRM rollout for Vector Bank", "anna", 2_400_000m, "Vector Bank", "Oleg Smirnov", "oleg@vectorbank.example", "+7 495 765-43-21"),
            ("Annual supply for Sever Steel", "boris", 1_200_000m, "Sever Steel", "Pavel Orlov", "p.orlov@seversteel.example", "+7 812 555-10-20"),
            ("Training for Luch Retail", "boris", 180_000m, "Luch Retail", "Maria Kuznetsova", "maria@luch.example", "+7 343 222-33-44"),
        };
        // The demo clients are real records too, so search, the client card and the journal work on them from the start.
        var parties = new List<(ClientRecord Client, ContactRecord Contact)>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var book = new ClientBook(db, clock);
            foreach (var s in samples)
            {
                var client = book.NewClient(s.Client, "company", "website", []);
                var contact = book.NewContact(client.Id, new ContactRequest(s.Contact, null, [s.Phone], [s.Email], null));
                db.Clients.Add(client);
                db.Contacts.Add(contact);
                parties.Add((client, contact));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var (s, (client, contact)) in samples.Zip(parties))
        {
            var result = await deals.SubmitAsync(DealCommand.Start(new NewDeal
            {
                Id = Guid.CreateVersion7().ToString("N"),
                Title = s.Title,
                OwnerId = s.Owner,
                TeamId = "sales",
                Amount = s.Amount,
                Source = "website",
                Client = new DealClient(s.Client, "company"),
                Contact = new DealContact(s.Contact, s.Email, s.Phone, null),
                ClientId = client.Id,
                ContactIds = [contact.Id],
            }, "b2b-sales", 1, "system"), cancellationToken);
            if (!result.Succeeded)
                logger.LogWarning("Demo deal {Title} was not created: {Error}", s.Title, result.Error?.Message);
        }
        await SeedDemoActivitiesAsync(cancellationToken);
    }

    /// <summary>A call missed yesterday, one today and a meeting tomorrow on each demo deal, so the diary is not empty.</summary>
    private async Task SeedDemoActivitiesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var open = await db.Deals.AsNoTracking().Where(d => d.State == "open" && d.OwnerId != null).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        var plans = new (string Kind, string Subject, Duration From)[]
        {
            ("call", "Call back about the proposal", Duration.FromHours(-20)),
            ("call", "Confirm the delivery terms", Duration.FromHours(3)),
            ("meeting", "Meet at the client's office", Duration.FromHours(26)),
        };
        foreach (var deal in open)
        {
            foreach (var (kind, subject, from) in plans)
            {
                var activity = new ActivityRecord
                {
                    Id = Guid.CreateVersion7().ToString("N"),
                    Kind = kind,
                    Subject = subject,
                    DealId = deal.Id,
                    ClientId = deal.ClientId,
                    AssigneeId = deal.OwnerId!,
                    DueAt = now + from,
                    DurationMinutes = kind == "meeting" ? 60 : 15,
                    State = Activities.ActivityKinds.Open,
                    CreatedAt = now,
                    CreatedBy = "system",
                    UpdatedAt = now,
                };
                Activities.ActivityAlarm.Arm(activity, now);
                db.Activities.Add(activity);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        // The deals' next steps show their earliest open activity, as they would had a person planned them.
        foreach (var deal in open)
        {
            var first = now + plans.Min(p => p.From);
            await deals.SubmitAsync(DealCommand.ProjectNextStep(deal.Id, new NextStepRequest(first, plans.MinBy(p => p.From).Subject), "system"), cancellationToken);
        }
    }
}
