using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Telemetry;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>JSON console lines carry the trace they belong to, and no scope (the request scope holds a path that names the casus).</summary>
public sealed class TraceJsonConsoleFormatterTests
{
    [Fact]
    public void A_line_written_inside_a_span_carries_its_trace_and_span_id_and_no_scope()
    {
        using var source = new ActivitySource("test.json-logs");
        using var listener = new ActivityListener { ShouldListenTo = _ => true, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData };
        ActivitySource.AddActivityListener(listener);
        var formatter = new TraceJsonConsoleFormatter(new OptionsMonitorOf(new ConsoleFormatterOptions()));
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new Dictionary<string, object> { ["RequestPath"] = "/casus/RVT-2026-ABCDEF" });
        var output = new StringWriter();

        using (var span = source.StartActivity("request")!)
        {
            formatter.Write(new LogEntry<string>(LogLevel.Warning, "ProcessEngine.Test", new EventId(7), "Taak niet gevonden", null, (s, _) => s), scopes, output);
            var line = JsonDocument.Parse(output.ToString()).RootElement;

            Assert.Equal(span.TraceId.ToHexString(), line.GetProperty("traceId").GetString());
            Assert.Equal(span.SpanId.ToHexString(), line.GetProperty("spanId").GetString());
            Assert.Equal("Warning", line.GetProperty("level").GetString());
            Assert.Equal("Taak niet gevonden", line.GetProperty("message").GetString());
        }
        Assert.DoesNotContain("RVT-2026-ABCDEF", output.ToString());
    }

    [Fact]
    public async Task The_host_offers_it_by_name()
    {
        await using var factory = new HostFactory();
        var formatters = factory.Services.GetServices<ConsoleFormatter>().Select(f => f.Name);

        Assert.Contains(TraceJsonConsoleFormatter.Name, formatters);
    }

    private sealed class OptionsMonitorOf(ConsoleFormatterOptions value) : IOptionsMonitor<ConsoleFormatterOptions>
    {
        public ConsoleFormatterOptions CurrentValue => value;
        public ConsoleFormatterOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ConsoleFormatterOptions, string?> listener) => null;
    }
}
