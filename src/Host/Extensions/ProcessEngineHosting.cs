using ProcessEngine.Workflows.Hangfire;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Data;
using Hangfire;
using ProcessEngine.Rvt;
using ProcessEngine.Synthetic;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Backup;
using ProcessEngine.Host.Components;
using ProcessEngine.Host.Health;
using ProcessEngine.Host.Features.Diagnostics;
using ProcessEngine.Host.Security;
using ProcessEngine.Host.Telemetry;
using ProcessEngine.HostStore;
using Scalar.AspNetCore;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Host.Extensions;

/// <summary>Service registrations of the host, kept out of Program.cs so start-up reads at a glance.</summary>
public static class ProcessEngineHosting
{
    public static WebApplicationBuilder AddProcessEngine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddProblemDetails();
        // Every casus request passes one behaviour that checks involvement and writes the audit line (Host/Access).
        services.AddMediator(options => options.PipelineBehaviors = [typeof(Access.CasusInvolvementBehavior<,>)]);
        services.AddWorkflowEngine(registry => registry.AddRvtActivities());
        // The proefrit runs the same activities in a private in-memory engine of its own, per call.
        services.AddSingleton(new Workflows.TestDrive.TestDriver(registry => registry.AddRvtActivities()));
        // A zero or negative limit would switch the sandbox's brakes off (Jint reads it as "no limit"): refuse to start instead.
        services.AddOptions<ExpressionOptions>().Bind(config.GetSection("Expressions"))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.RegexTimeout > TimeSpan.Zero && o.MemoryLimitBytes > 0 && o.MaxStatements > 0 && o.MaxRecursionDepth > 0,
                "Expressions: every limit (Timeout, RegexTimeout, MemoryLimitBytes, MaxStatements, MaxRecursionDepth) must be larger than zero.")
            .ValidateOnStart();
        services.Configure<TimerOptions>(config.GetSection("Timers"));
        services.Configure<ShippedFlowOptions>(config.GetSection("Flows"));
        var database = DatabaseConfiguration.Read(config);
        services.AddWorkflowStore(database);
        services.AddRvtDomain(database);
        services.AddSyntheticData(); // the `generate` command
        services.AddHostStore(database);
        services.Configure<HostStore.Audit.AuditOptions>(config.GetSection("Audit"));
        services.AddHostedService<Auditing.AuditCheckpointService>();
        builder.AddProcessEngineAuth();
        builder.AddSharedDataProtection();
        builder.AddProcessEngineTelemetry();
        builder.AddProcessEngineUi();
        services.AddSingleton<Features.Waarnemingen.WaarnemingStore>();
        services.AddSingleton<Features.Inbox.InboxStore>();
        services.AddSingleton<Features.Flows.FlowPublicationStore>();
        services.AddSingleton<Access.CasusAccess>();
        services.AddSingleton<Access.ActiveAccounts>();
        services.AddSingleton<Access.InvolvementGrants>();
        services.AddSingleton<Access.InvolvementTakeover>();
        services.AddSingleton<Features.Casus.StopknopReviewers>();
        services.AddSingleton<Auditing.Auditor>();
        services.AddSingleton<Features.Casus.CasusTimeline>();
        services.AddSingleton<Features.Migrations.MigrationRuns>();
        services.AddSingleton<Features.Migrations.MigrationRunner>();
        services.AddSingleton<Features.Diagnostics.DatabaseWorkPerCall>();
        services.AddExceptionHandler<Api.BadRequestHandler>();
        services.AddExceptionHandler<Api.AuditUnavailableHandler>();
        services.AddKnownProxies(config);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi("v1");
        services.Configure<RvtFlowOptions>(config.GetSection("RvtFlows"));
        services.Configure<RetentionOptions>(config.GetSection("Retention"));
        services.AddOptions<Features.Reports.ReportOptions>().Bind(config.GetSection("Reports"))
            .Validate(o => o.Problems().Count == 0, "Reports: the norms are not valid (see Reports:StuckAfterDays and Reports:StepNorms).")
            .ValidateOnStart();
        services.AddTransient<Notifications.RetentionJob>();
        services.AddSingleton<Backup.HostDatabaseLock>();
        services.AddDailyBackup(config);
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseJobStorage(database));
        services.AddHangfireServer(server =>
        {
            server.SchedulePollingInterval = config.GetValue("Timers:PollingInterval", TimeSpan.FromSeconds(5));
            // Jobs wait on the database, not the CPU. SQLite has one writer, so more workers only queue at its
            // lock; PostgreSQL takes many writers, and a pass of timers due at one moment is worked off in parallel.
            server.WorkerCount = database.Provider == DatabaseProvider.PostgreSql
                ? Math.Max(8, 4 * Environment.ProcessorCount)
                : Math.Max(2, Environment.ProcessorCount);
        });
        services.AddHangfireTimers();
        // Hangfire's PostgreSQL storage keeps the timers' jobs across restarts: a node starting must not add
        // a second job for each of them (the embedded in-memory storage forgot them and needs them again).
        if (database.Provider == DatabaseProvider.PostgreSql)
            services.PostConfigure<TimerOptions>(o => o.ReschedulePendingOnStart = false);
        builder.AddTaskPrompts();
        services.AddTaskChangeBus(database);
        services.AddSingleton<ShippedFlowImporter>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<HangfireHealthCheck>("hangfire");
        return builder;
    }

    /// <summary>Migrates the database (when a migration is pending) and imports the shipped flows before anything (timer recovery included) starts.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // A missing or malformed audit key stops the start here, not at the first line someone's action writes.
        app.Services.GetRequiredService<HostStore.Audit.AuditKeys>();
        // Held for the host's lifetime: a restore refuses to replace the file while it is held.
        app.Services.GetRequiredService<Backup.HostDatabaseLock>().Acquire();
        var database = app.Services.GetRequiredService<DatabaseConnection>();
        await using var exclusive = await StartupLock.AcquireAsync(database);
        try
        {
            await PrepareUnderLockAsync(app);
        }
        catch (Exception error) when (DatabaseRightRefusal.Find(error) is { } denied)
        {
            throw DatabaseRightRefusal.For(denied, database);
        }
    }

    private static async Task PrepareUnderLockAsync(WebApplication app)
    {
        await app.Services.MigrateWorkflowDatabaseAsync();
        await app.Services.MigrateRvtDomainAsync();
        await app.Services.MigrateHostStoreAsync();
        await app.Services.GetRequiredService<Access.InvolvementTakeover>().RunAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync();
        await app.Services.GetRequiredService<ShippedFlowImporter>().ImportAsync();
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Notifications.RetentionJob>(
            Notifications.RetentionJob.Id, job => job.RunAsync(CancellationToken.None), app.Configuration["Retention:Cron"] ?? Cron.Daily(3));
        Backup.BackupSchedule.Schedule(app.Services);
        // Runs still marked running (the node stopped, or Hangfire's in-memory queue went with it) go on within a minute.
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Features.Migrations.MigrationRunner>(
            Features.Migrations.MigrationRunner.ResumeJobId, job => job.ResumeRunningAsync(CancellationToken.None), Cron.Minutely());
        // A run this node was working on when it stopped goes on as soon as Hangfire's server is up, not a minute later.
        if ((await app.Services.GetRequiredService<Features.Migrations.MigrationRuns>().RunningAsync(CancellationToken.None)).Count > 0)
            app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<Features.Migrations.MigrationRunner>(job => job.ResumeRunningAsync(CancellationToken.None));
    }

    public static WebApplication MapProcessEngine(this WebApplication app)
    {
        app.UseKnownProxies();
        app.UseSecurityHeaders();
        app.UseDatabaseWorkPerCall();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseBearerSessionCheck();
        app.UseTwoFactorGate();
        app.UseAuthorization();
        app.UseBodySizeLimits();
        app.MapProcessEngineUi();
        app.MapHealthChecks("/health", HealthResponse.Options);
        app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminDashboardFilter()], AppPath = "/" });
        // The API's description is for people who use it: open on a developer's machine, signed in elsewhere.
        var openApi = app.MapOpenApi("/openapi/{documentName}.json");
        var reference = app.MapScalarApiReference("/api-docs", o => o.WithTitle("ProcessEngine API"));
        if (!app.Environment.IsDevelopment())
        {
            openApi.RequireAuthorization();
            reference.RequireAuthorization();
        }
        app.MapProcessEngineApi();
        app.MapOpenIdConnectSignIn();
        app.MapTaskPrompts();
        return app;
    }
}
