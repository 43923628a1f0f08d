using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ProcessEngine.Host.Telemetry;

/// <summary>
/// One JSON object per log line with the trace and span id of the work it belongs to, so a log collector can join the
/// lines of one request or timer job to its trace. Chosen with <c>Logging:Console:FormatterName=json-trace</c>. Unlike the
/// built-in JSON formatter it writes no scopes: ASP.NET Core's request scope carries the request path, and a path names the
/// casus (/casus/RVT-…), which a log line must not.
/// </summary>
public sealed class TraceJsonConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "json-trace";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTimeOffset.UtcNow.ToString(options.CurrentValue.TimestampFormat ?? "O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteNumber("eventId", logEntry.EventId.Id);
            json.WriteString("message", message);
            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }
            if (logEntry.Exception is { } error) json.WriteString("exception", error.ToString());
            json.WriteEndObject();
        }
        textWriter.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        textWriter.Write(Environment.NewLine);
    }
}
