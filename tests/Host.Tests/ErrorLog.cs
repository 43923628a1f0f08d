using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProcessEngine.Host.Tests;

/// <summary>Keeps every line the host logs at Error or above ("fail:" on the console), with its category, for a test to read.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Lines.Enqueue($"{category}[{eventId.Id}]: {formatter(state, exception)}");
        }
    }
}
