using Microsoft.AspNetCore.Routing;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ProcessEngine.HostStore.Diagnostics;
using ProcessEngine.Workflows.Diagnostics;

namespace ProcessEngine.Host.Telemetry;

/// <summary>
/// The "OpenTelemetry" section: off unless asked. With an OTLP endpoint the host sends traces (requests, outgoing HTTP,
/// SQLite and PostgreSQL commands, the engine's commits and timer jobs), metrics (request latency, runtime, and the engine's and
/// host's own counts) and logs there. Nothing is served on the host itself: no /metrics endpoint to leave open.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>Collect even without an endpoint (an exporter registered elsewhere, as the tests do).</summary>
    public bool Enabled { get; set; }

    /// <summary>The OTLP collector, e.g. http://127.0.0.1:4317 (gRPC) or http://127.0.0.1:4318 (with Protocol HttpProtobuf).</summary>
    public Uri? OtlpEndpoint { get; set; }

    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    public string ServiceName { get; set; } = "processengine";

    public bool IsOn => Enabled || OtlpEndpoint is not null;
}

public static class TelemetrySetup
{
    public static void AddProcessEngineTelemetry(this WebApplicationBuilder builder)
    {
        // Offered whether or not telemetry is on: JSON lines with trace ids are as useful to a plain log collector.
        builder.Logging.AddConsoleFormatter<TraceJsonConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        var options = builder.Configuration.GetSection("OpenTelemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.IsOn) return;
        builder.Services.AddHostedService<OpenIncidentCount>();
        var node = builder.Configuration["Audit:Node"] ?? Environment.MachineName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceInstanceId: node))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o =>
                    {
                        // Static files and the framework's scripts are noise; the live screens' traffic shows as its hub.
                        o.Filter = http => !http.Request.Path.StartsWithSegments("/_framework") && !http.Request.Path.StartsWithSegments("/_content");
                        o.EnrichWithHttpResponse = (span, response) => WithoutCasusCodes(span, response.HttpContext);
                    })
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(EngineTracing.SourceName, Data.Work.DatabaseTracing.SourceName);
                if (options.OtlpEndpoint is { } endpoint) tracing.AddOtlpExporter(o => Otlp(o, endpoint, options.OtlpProtocol));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(EngineMetrics.MeterName, HostMetrics.MeterName);
                if (options.OtlpEndpoint is { } endpoint) metrics.AddOtlpExporter(o => Otlp(o, endpoint, options.OtlpProtocol));
            });
        if (options.OtlpEndpoint is { } logs)
            telemetry.WithLogging(logging => logging.AddOtlpExporter(o => Otlp(o, logs, options.OtlpProtocol)));
    }

    private static void Otlp(OtlpExporterOptions o, Uri endpoint, OtlpExportProtocol protocol)
    {
        o.Endpoint = endpoint;
        o.Protocol = protocol;
    }

    /// <summary>
    /// A request's path names the casus it is about (/api/casus/RVT-…/timeline, /casus/RVT-…): the span keeps the
    /// route's pattern instead, and neither the query nor the client's address.
    /// </summary>
    private static void WithoutCasusCodes(System.Diagnostics.Activity span, HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        span.SetTag("url.path", pattern is null ? "(geen route)" : "/" + pattern.TrimStart('/'));
        span.SetTag("url.query", null);
        span.SetTag("client.address", null);
        span.SetTag("client.port", null);
    }
}
