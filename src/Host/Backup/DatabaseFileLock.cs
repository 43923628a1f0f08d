namespace ProcessEngine.Host.Backup;

/// <summary>
/// The lock file beside a SQLite database (<c>&lt;db&gt;.lock</c>), opened without sharing for as long as it is held.
/// A host holds it for its lifetime and restore takes it before it replaces the file, so a restore can never swap a
/// database out from under a running host. On Unix .NET turns FileShare.None into an advisory flock, which the
/// kernel releases when the process dies: a crashed host leaves no stale lock behind.
/// </summary>
public sealed class DatabaseFileLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseFileLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public static string PathFor(string databaseFile) => System.IO.Path.GetFullPath(databaseFile) + ".lock";

    /// <summary>The lock, or null when another process (or another host in this one) holds it.</summary>
    public static DatabaseFileLock? TryAcquire(string databaseFile)
    {
        var path = PathFor(databaseFile);
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        try
        {
            // The file is never deleted: removing it while another process opens it would let both believe they hold it.
            return new DatabaseFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), path);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
