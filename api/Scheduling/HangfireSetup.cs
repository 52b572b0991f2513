using Crm.Api.Infrastructure;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;

namespace Crm.Api.Scheduling;

public static class HangfireSetup
{
    /// <summary>
    /// Hangfire with in-memory storage on the embedded default: the database, not Hangfire, holds every deadline, so
    /// nothing is lost when its storage is. With <c>Crm:Jobs=postgres</c> its storage is the shared database (schema
    /// <c>hangfire</c>): every node runs a server, and Hangfire's own locks make each job, the recurring sweep included,
    /// run on one node only.
    /// </summary>
    public static IServiceCollection AddCrmJobs(this IServiceCollection services, CrmOptions options)
    {
        services.AddTransient<DeadlineSweepJob>();
        if (!options.RunScheduler)
            return services;
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (options.JobsOnPostgres)
                config.UsePostgreSqlStorage(
                    npgsql => npgsql.UseNpgsqlConnection(options.UsesPostgres
                        ? options.ConnectionString
                        : throw new InvalidOperationException("Crm:Jobs=postgres keeps jobs in the PostgreSQL database: set Crm:Database=postgres too.")),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        // Fetching polls the queue table: short, so an enqueued job starts within a fraction of a second.
                        QueuePollInterval = TimeSpan.FromMilliseconds(500),
                    });
            else
                config.UseInMemoryStorage(new InMemoryStorageOptions());
        });
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = 2;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        services.AddHostedService<JobRegistration>();
        return services;
    }

    private sealed class JobRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurring.AddOrUpdate<DeadlineSweepJob>(DeadlineSweepJob.RecurringId, job => job.RunAsync(), Cron.Minutely());
            // Catch up at once on whatever fell due while the process was down.
            jobs.Enqueue<DeadlineSweepJob>(job => job.RunAsync());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
