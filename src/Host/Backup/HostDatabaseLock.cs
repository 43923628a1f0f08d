using ProcessEngine.Data;

namespace ProcessEngine.Host.Backup;

/// <summary>
/// The running host's hold on its SQLite file's lock (see <see cref="DatabaseFileLock"/>), taken at start-up and
/// released when the host's services are disposed. A second host on the same file does not get it: that is logged
/// as a warning, not refused, since SQLite itself copes with two processes; only restore relies on the lock.
/// </summary>
public sealed partial class HostDatabaseLock(DatabaseConnection database, ILogger<HostDatabaseLock> logger) : IDisposable
{
    private DatabaseFileLock? _held;

    public bool Held => _held is not null;

    public void Acquire()
    {
        if (database.Provider != DatabaseProvider.Sqlite || _held is not null) return;
        var file = SqliteFiles.DataSourceOf(database.ConnectionString);
        _held = DatabaseFileLock.TryAcquire(file);
        if (_held is null) LogNotHeld(logger, DatabaseFileLock.PathFor(file));
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }

    [LoggerMessage(LogLevel.Warning, "Another process holds {LockFile}: a second host runs on this database. It starts anyway; a restore will refuse while either runs.")]
    private static partial void LogNotHeld(ILogger logger, string lockFile);
}
