using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Tests.Oidc;

/// <summary>Keeps the exceptions the host logs when a sign-in at the identity provider fails, so a test can tell why it failed.</summary>
public sealed class FailureLog : ILoggerProvider
{
    public ConcurrentQueue<Exception> Failures { get; } = new();

    public ILogger CreateLogger(string categoryName) =>
        categoryName == typeof(OpenIdConnectSetup).FullName ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose() { }

    private sealed class Logger(FailureLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && exception is not null) log.Failures.Enqueue(exception);
        }
    }
}
