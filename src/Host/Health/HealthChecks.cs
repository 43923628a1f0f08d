using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcessEngine.Workflows.EntityFramework;

namespace ProcessEngine.Host.Health;

public sealed class DatabaseHealthCheck(IDbContextFactory<WorkflowDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("the database cannot be reached");
        return pending.Count == 0
            ? HealthCheckResult.Healthy("connected, schema up to date")
            : HealthCheckResult.Unhealthy($"migrations not applied: {string.Join(", ", pending)}");
    }
}

/// <summary>Healthy when at least one Hangfire server of this storage has sent a heartbeat recently: timers are being fired.</summary>
public sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        // Hangfire stamps heartbeats with the wall clock, not the engine's TimeProvider.
        var now = DateTime.UtcNow;
        var servers = storage.GetMonitoringApi().Servers();
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < TimeSpan.FromMinutes(2));
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} server(s) alive")
            : HealthCheckResult.Unhealthy("no Hangfire server has sent a heartbeat in the last 2 minutes: timers are not firing"));
    }
}

/// <summary>
/// /health for load balancers and monitors: anyone learns Healthy or not (and 503 when not); what each check found
/// (which store, how many schedulers, which migration is missing) only an admin reads, since it describes the
/// installation to whoever asks.
/// </summary>
public static class HealthResponse
{
    public static HealthCheckOptions Options { get; } = new()
    {
        ResponseWriter = async (http, report) =>
        {
            http.Response.ContentType = "application/json";
            if (!http.User.IsInRole(HostStore.Identity.Roles.Admin))
            {
                await JsonSerializer.SerializeAsync(http.Response.Body, new { status = report.Status.ToString() });
                return;
            }
            await JsonSerializer.SerializeAsync(http.Response.Body, new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            });
        },
    };
}
