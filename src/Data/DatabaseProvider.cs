namespace ProcessEngine.Data;

/// <summary>Which database the engine, the domain and the host's own tables live in.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, one process.</summary>
    Sqlite,

    /// <summary>Multi-node: any number of identical host processes on one PostgreSQL database.</summary>
    PostgreSql,
}
