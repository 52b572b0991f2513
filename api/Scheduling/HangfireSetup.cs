using Crm.Api.Infrastructure;
using Hangfire;
using Hangfire.InMemory;

namespace Crm.Api.Scheduling;

public static class HangfireSetup
{
    /// <summary>Hangfire with in-memory storage on the embedded default: the database, not Hangfire, holds every deadline,
    /// so nothing is lost when its storage is.</summary>
    public static IServiceCollection AddCrmJobs(this IServiceCollection services, CrmOptions options)
    {
        services.AddTransient<DeadlineSweepJob>();
        if (!options.RunScheduler)
            return services;
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions()));
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
