namespace ProcessEngine.Host.Extensions;

/// <summary>
/// The host will not start as configured, for a reason an operator can fix (no admin, demo accounts outside
/// Development). Program prints the message as one line and exits with <see cref="ExitCode"/>, no stack trace.
/// </summary>
public sealed class StartRefusedException(string message) : Exception(message)
{
    public const int ExitCode = 3;
}
