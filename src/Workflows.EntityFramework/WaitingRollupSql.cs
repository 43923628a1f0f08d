namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// The triggers that keep <see cref="WaitingDayCount"/> beside the bookmarks, one text per provider, used by the
/// migrations of both. Days are computed from the stored binary time ((ticks / 1000) &lt;&lt; 11, offset 0), as
/// <see cref="Monitoring.WaitingDays.DayOf"/> does. A bookmark's flow is read from its instance, which is written
/// before its bookmarks and deleted after them (the purge), so it is there whenever a trigger runs. Rows that
/// reach 0 are deleted, so the table holds only days that have waits.
/// </summary>
public static class WaitingRollupSql
{
    private const string Columns = "\"DefinitionId\", \"ActivityId\", \"Kind\", \"Week\", \"Day\", \"DueDay\"";

    private static string Add(string row) => $"""
        INSERT INTO "WaitingDayCounts" ({Columns}, "Count")
        SELECT i."DefinitionId", {row}."ActivityId", {row}."Kind", ({row}."CreatedAt" >> 11) / 864000000 / 7, ({row}."CreatedAt" >> 11) / 864000000, COALESCE(({row}."DueAt" >> 11) / 864000000, -1), 1
        FROM "WorkflowInstances" i WHERE i."Id" = {row}."InstanceId"
        ON CONFLICT ({Columns}) DO UPDATE SET "Count" = "WaitingDayCounts"."Count" + 1;
        """;

    private static string Remove(string row)
    {
        var key = $"""
            "DefinitionId" = (SELECT i."DefinitionId" FROM "WorkflowInstances" i WHERE i."Id" = {row}."InstanceId") AND "ActivityId" = {row}."ActivityId"
              AND "Kind" = {row}."Kind" AND "Week" = ({row}."CreatedAt" >> 11) / 864000000 / 7 AND "Day" = ({row}."CreatedAt" >> 11) / 864000000 AND "DueDay" = COALESCE(({row}."DueAt" >> 11) / 864000000, -1)
            """;
        return $"""
            UPDATE "WaitingDayCounts" SET "Count" = "Count" - 1 WHERE {key};
            DELETE FROM "WaitingDayCounts" WHERE {key} AND "Count" <= 0;
            """;
    }

    /// <summary>Counts the bookmarks already there (the migration that adds the rollup).</summary>
    public static readonly string Backfill = $"""
        INSERT INTO "WaitingDayCounts" ({Columns}, "Count")
        SELECT i."DefinitionId", b."ActivityId", b."Kind", (b."CreatedAt" >> 11) / 864000000 / 7, (b."CreatedAt" >> 11) / 864000000,
          COALESCE((b."DueAt" >> 11) / 864000000, -1), COUNT(*)
        FROM "Bookmarks" b JOIN "WorkflowInstances" i ON i."Id" = b."InstanceId"
        GROUP BY i."DefinitionId", b."ActivityId", b."Kind", (b."CreatedAt" >> 11) / 864000000 / 7, (b."CreatedAt" >> 11) / 864000000, COALESCE((b."DueAt" >> 11) / 864000000, -1);
        """;

    // A moved bookmark (a migration) changes its activity or due moment; the other updates (hold, release) change neither.
    public static readonly string[] Sqlite =
    [
        $"CREATE TRIGGER \"Bookmarks_WaitingAdded\" AFTER INSERT ON \"Bookmarks\" BEGIN {Add("NEW")} END;",
        $"CREATE TRIGGER \"Bookmarks_WaitingRemoved\" AFTER DELETE ON \"Bookmarks\" BEGIN {Remove("OLD")} END;",
        $"CREATE TRIGGER \"Bookmarks_WaitingMoved\" AFTER UPDATE OF \"ActivityId\", \"DueAt\" ON \"Bookmarks\" BEGIN {Remove("OLD")} {Add("NEW")} END;",
    ];

    public static readonly string[] SqliteDown =
    [
        "DROP TRIGGER IF EXISTS \"Bookmarks_WaitingAdded\";",
        "DROP TRIGGER IF EXISTS \"Bookmarks_WaitingRemoved\";",
        "DROP TRIGGER IF EXISTS \"Bookmarks_WaitingMoved\";",
    ];

    public static readonly string[] PostgreSql =
    [
        $"""
        CREATE FUNCTION "BookmarksWaiting"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN
            {Remove("OLD")}
          END IF;
          IF TG_OP <> 'DELETE' THEN
            {Add("NEW")}
          END IF;
          RETURN NULL;
        END $$;
        """,
        """
        CREATE TRIGGER "Bookmarks_Waiting" AFTER INSERT OR DELETE OR UPDATE OF "ActivityId", "DueAt" ON "Bookmarks"
        FOR EACH ROW EXECUTE FUNCTION "BookmarksWaiting"();
        """,
    ];

    /// <summary>
    /// PostgreSQL counts at commit (migration WaitingCountsAtCommit): the same function as a deferred constraint trigger.
    /// Run at once, every task done took the lock on its day's row with its bookmark's delete and held it through the rest
    /// of its transaction, so all the completions of a busy day queued on that one row, across nodes (the load benchmark
    /// showed most of a completion's time waiting there). At commit it is held only while the commit lasts. SQLite
    /// writes one transaction at a time anyway and keeps its immediate triggers.
    /// </summary>
    public static readonly string[] PostgreSqlAtCommit =
    [
        "DROP TRIGGER IF EXISTS \"Bookmarks_Waiting\" ON \"Bookmarks\";",
        """
        CREATE CONSTRAINT TRIGGER "Bookmarks_Waiting" AFTER INSERT OR DELETE OR UPDATE OF "ActivityId", "DueAt" ON "Bookmarks"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "BookmarksWaiting"();
        """,
    ];

    public static readonly string[] PostgreSqlAtCommitDown = ["DROP TRIGGER IF EXISTS \"Bookmarks_Waiting\" ON \"Bookmarks\";", PostgreSql[1]];

    /// <summary>
    /// For a transaction that deletes instances after their bookmarks (the purge): the counts at once, while the instances
    /// that name each bookmark's flow are still there.
    /// </summary>
    public const string PostgreSqlCountNow = "SET CONSTRAINTS \"Bookmarks_Waiting\" IMMEDIATE";

    public static readonly string[] PostgreSqlDown =
    [
        "DROP TRIGGER IF EXISTS \"Bookmarks_Waiting\" ON \"Bookmarks\";",
        "DROP FUNCTION IF EXISTS \"BookmarksWaiting\"();",
    ];
}
