namespace ProcessEngine.Host.Prompts;

/// <summary>One SMTP connection for the run, opened at the first row; after a failed connect the run stops trying.</summary>
internal sealed class SmtpRunConnection(SmtpMailer mailer) : IAsyncDisposable
{
    private SmtpSession? _session;
    private Exception? _connectFailure;

    public async Task<SmtpSession> OpenAsync(CancellationToken ct)
    {
        // A server that refused one connect is not asked again for every row of this run: each row
        // records the same failure and waits for its backoff.
        if (_connectFailure is not null) throw new IOException($"SMTP server unreachable: {_connectFailure.Message}", _connectFailure);
        if (_session is { IsConnected: true }) return _session;
        if (_session is not null) await _session.DisposeAsync();
        _session = null;
        try
        {
            return _session = await mailer.ConnectAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _connectFailure = ex;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }
}
