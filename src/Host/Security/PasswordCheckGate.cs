namespace ProcessEngine.Host.Security;

/// <summary>
/// Lets at most one password check per processor run at once. A password check is deliberately slow work on a
/// thread (PBKDF2); fifty people signing in together held every pool thread, and every other request of the
/// node (inboxes, completions) waited behind them. Waiting here is asynchronous and holds no thread.
/// </summary>
public sealed class PasswordCheckGate
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);

    public async Task<T> RunAsync<T>(Func<Task<T>> check)
    {
        await _slots.WaitAsync();
        try
        {
            return await check();
        }
        finally
        {
            _slots.Release();
        }
    }
}
