using System.Text.Json.Serialization;
using Crm.Api.Activities;
using Crm.Api.Alerts;
using Crm.Api.Audit;
using Crm.Api.Auth;
using Crm.Api.Calendars;
using Crm.Api.Cluster;
using Crm.Api.Compliance;
using Crm.Api.Clients;
using Crm.Api.Deals;
using Crm.Api.Directory;
using Crm.Api.Import;
using Crm.Api.Interactions;
using Crm.Api.Leads;
using Crm.Api.Hubs;
using Crm.Api.Persistence;
using Crm.Api.Scheduling;
using Crm.Api.Workflows;
using Crm.Engine.Abstractions;
using Crm.Engine.Calendars;
using Crm.Engine.Hosting;
using Crm.Engine.Runtime;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Api.Infrastructure;

public static class CrmServices
{
    /// <summary>Wires the engine, the store, auth and the background parts into the host.</summary>
    public static WebApplicationBuilder AddCrm(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CrmOptions>(builder.Configuration.GetSection("Crm"));
        // The same settings, read once here for the choices made while wiring (providers, backplane, jobs).
        var crm = builder.Configuration.GetSection("Crm").Get<CrmOptions>() ?? new CrmOptions();
        services.TryAddClock();
        services.AddSingleton<DataDirectory>();
        services.AddDbContextFactory<CrmDbContext, CrmContexts>((sp, options) => ConfigureDatabase(sp, options));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext());

        services.AddCrmEngine();
        services.AddSingleton<CalendarRegistry>();
        services.AddSingleton<ICalendarProvider>(sp => sp.GetRequiredService<CalendarRegistry>());
        services.AddSingleton<CalendarLoader>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<IActivityEnvironment>(sp => sp.GetRequiredService<UserDirectory>());
        services.AddSingleton<PublishedFlowcharts>();
        services.AddSingleton<IFlowchartSource>(sp => sp.GetRequiredService<PublishedFlowcharts>());
        services.AddSingleton<IDealStore, EfDealStore>();
        if (crm.UsesPostgres)
            services.AddSingleton<ISchedulerLease, PostgresSchedulerLease>();
        else
            services.AddSingleton<ISchedulerLease, SingleNodeLease>();
        services.AddSingleton<DeadlineScheduler>();
        services.AddSingleton<ActivityAlarms>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivityAlarms>());
        services.AddSingleton<AssigneeZones>();
        services.AddSingleton<NextStepSync>();
        services.AddScoped<ActivityQueries>();
        services.AddScoped<ActivityService>();
        services.AddScoped<DiaryQueries>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<IDealCommitListener>(sp => sp.GetRequiredService<AlertDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        var signalR = services.AddSignalR().AddJsonProtocol(json => json.PayloadSerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
        if (!string.IsNullOrEmpty(crm.Redis))
        {
            signalR.AddCrmRedisBackplane(crm);
            services.AddSingleton<RedisClusterBus>();
            services.AddSingleton<IClusterBus>(sp => sp.GetRequiredService<RedisClusterBus>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisClusterBus>());
            services.AddSingleton<IRotation, RedisRotation>();
        }
        else
        {
            services.AddSingleton<IClusterBus, SingleNodeBus>();
            services.AddSingleton<IRotation, LocalRotation>();
        }
        services.AddSingleton<SharedState>();
        services.AddSingleton<DealCommandProcessor>();
        // Started before anything that submits at startup, stopped (after draining) once they have stopped.
        services.AddHostedService<DealCommandProcessorService>();
        services.AddSingleton<DealQueries>();
        services.AddSingleton<DealBoard>();
        services.AddScoped<WorkflowDrafts>();
        services.AddScoped<DealCreation>();
        services.AddSingleton<DealAssignmentCheck>();
        services.AddScoped<DealPartyResolver>();
        services.AddScoped<DealMerger>();
        services.AddScoped<ClientBook>();
        services.AddScoped<InteractionJournal>();
        services.AddScoped<InteractionCorrections>();
        services.AddScoped<Files.FileStore>();
        services.AddSingleton<Files.FileLinks>();
        services.AddScoped<LeadIntake>();
        services.AddScoped<ClientImport>();
        services.AddSingleton<ActingParty>();
        services.AddSingleton<AuditInterceptor>();
        services.AddScoped<AuditTrail>();
        services.AddLeadRateLimit(crm.Leads);
        services.AddLeadCors(crm.Leads);
        services.AddCrmForwardedHeaders(crm.ForwardedHeaders);
        services.AddSignInRateLimit(crm.SignIn);
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<UnknownAccountLockouts>();
        services.AddSingleton<HubAccountWatch>();
        services.AddSingleton<FirstAdmin>();
        services.AddSingleton<DealCommands>();
        services.AddSingleton<ComplianceScope>();
        services.AddSingleton<ComplianceReports>();
        services.AddSingleton<ComplianceClocks>();
        services.AddHostedService<StartupInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineScheduler>());
        services.AddCrmJobs(crm);
        services.AddCrmHealth(crm);

        services.AddOptions<CrmOptions>().Validate(o => SigningKeyProvider.IsLongEnough(o.SigningKey), SigningKeyProvider.TooShort).ValidateOnStart();
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IClock, UserDirectory>((jwt, keys, clock, directory) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenIssuer.Issuer,
                    ValidAudience = TokenIssuer.Issuer,
                    IssuerSigningKey = keys.Key,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.Zero,
                    LifetimeValidator = (notBefore, expires, _, _) =>
                    {
                        var now = clock.GetCurrentInstant().ToDateTimeUtc();
                        return (notBefore is null || notBefore <= now) && expires is not null && expires > now;
                    },
                };
                jwt.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: SignalR sends the token in the query string.
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                            context.Token = token;
                        return Task.CompletedTask;
                    },
                    // A token dies with its account's access: deactivated, role or team changed, password changed.
                    OnTokenValidated = context =>
                    {
                        if (context.Principal is null || TokenAccountCheck.Holder(context.Principal, directory) is null)
                            context.Fail("The account has changed since this token was issued; sign in again.");
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorization(options => options.FallbackPolicy = options.DefaultPolicy);
        services.AddProblemDetails();
        services.AddExceptionHandler<BusyDealHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        // Binding failures throw, so BadRequestHandler can name the field instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            // First, so it wins over NodaTime's own instant converter when reading.
            options.SerializerOptions.Converters.Insert(0, new BoundedInstantConverter());
            options.SerializerOptions.Converters.Insert(0, new NulFreeText.Converter());
            options.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        return builder;
    }

    private static void TryAddClock(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(IClock)))
            services.AddSingleton<IClock>(SystemClock.Instance);
    }

    private static void ConfigureDatabase(IServiceProvider sp, DbContextOptionsBuilder options)
    {
        DatabaseProvider.Configure(options, sp.GetRequiredService<IOptions<CrmOptions>>().Value, sp.GetRequiredService<DataDirectory>());
        options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
    }
}
