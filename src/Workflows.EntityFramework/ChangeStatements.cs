using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>Runs one statement of a pass on the writer's connection and transaction; returns the rows it touched.</summary>
internal delegate ValueTask<int> RunStatement(string sql, Action<DbCommand> declare, Action<DbCommand> bind);

/// <summary>
/// What a pass writes, in one order for every provider: instances, tasks, bookmarks, journal, incidents,
/// facts and their day rollup, the signals it sent. A version-checked UPDATE or a DELETE of a consumed bookmark that finds no
/// row means someone else won: <see cref="ConcurrencyConflictException"/>, and the writer rolls back.
/// Instances come first in every pass, so two execution passes racing for one instance queue on its row instead
/// of each holding a lock the other needs.
/// </summary>
internal sealed class ChangeStatements(IModel model)
{
    private readonly TableStatements _instances = new(model, typeof(WorkflowInstance),
        ["DefinitionVersion", "Status", "VariablesJson", "StateJson", "FaultedActivityId", "UpdatedAt", "FinishedAt", "JournalCount", "Version"], "Version");
    private readonly TableStatements _tasks = new(model, typeof(UserTask),
        ["Status", "Assignee", "DueAt", "SlowedUntil", "SlowedReason", "SlowedBy", "CompletedAt", "CompletedBy", "Outcome", "ResultJson", "Version"], "Version");
    private readonly TableStatements _bookmarks = new(model, typeof(Bookmark), ["IsHeld", "DeferredSignalJson"]);
    // A migration moves a waiting step to another activity of the new flow version: more of the row changes.
    private readonly TableStatements _movedTasks = new(model, typeof(UserTask),
        ["ActivityId", "Title", "Description", "Assignee", "CandidateGroup", "DueAt", "OutcomesJson", "FormJson", "Escalates", "Version"], "Version");
    private readonly TableStatements _movedBookmarks = new(model, typeof(Bookmark), ["ActivityId", "SignalName", "DueAt"]);
    private readonly TableStatements _journal = new(model, typeof(JournalEntry), []);
    private readonly TableStatements _incidents = new(model, typeof(Incident), ["ResolvedAt"]);
    private readonly TableStatements _facts = new(model, typeof(Fact), []);
    private readonly TableStatements _signals = new(model, typeof(SentSignal), []);

    public async ValueTask ApplyAsync(WorkflowChanges changes, RunStatement run)
    {
        foreach (var instance in changes.Created) await Insert(run, _instances, instance);
        foreach (var (instance, expected) in changes.Updated.OrderBy(u => u.Instance.Id)) await Update(run, _instances, instance, expected);
        foreach (var task in changes.TasksAdded) await Insert(run, _tasks, task);
        foreach (var (task, expected) in changes.TasksUpdated.OrderBy(u => u.Task.Id)) await Update(run, _tasks, task, expected);
        var added = changes.BookmarksAdded.ToHashSet();
        // A bookmark made and consumed in the same pass never reaches the database.
        foreach (var bookmark in changes.BookmarksRemoved)
            if (!added.Remove(bookmark)) Expect(await run(_bookmarks.DeleteSql, _bookmarks.DeclareDelete, c => _bookmarks.BindDelete(c, bookmark)), bookmark);
        foreach (var bookmark in added) await Insert(run, _bookmarks, bookmark);
        foreach (var bookmark in changes.BookmarksUpdated) await Update(run, _bookmarks, bookmark, null);
        foreach (var (task, expected) in changes.TasksMoved) await Update(run, _movedTasks, task, expected);
        foreach (var bookmark in changes.BookmarksMoved) await Update(run, _movedBookmarks, bookmark, null);
        foreach (var entry in changes.JournalAdded) await Insert(run, _journal, entry);
        foreach (var incident in changes.IncidentsAdded) await Insert(run, _incidents, incident);
        foreach (var incident in changes.IncidentsResolved) await Update(run, _incidents, incident, null);
        foreach (var fact in changes.FactsRecorded)
        {
            await Insert(run, _facts, fact);
            var day = FactDayCount.DayOf(fact.OccurredAt);
            foreach (var (dimension, value) in FactDayCount.KeysOf(fact))
                await run(CountFactSql, DeclareCountFact, c => BindCountFact(c, fact.Name, dimension, value, day));
        }
        foreach (var signal in changes.SignalsSent) await Insert(run, _signals, signal);
    }

    // The day rollup reports are summed from (FactDayCount), kept in the facts' own transaction. Both
    // providers read this upsert; the existing row is named by its table so PostgreSQL finds it unambiguous.
    private const string CountFactSql = """
        INSERT INTO "FactDayCounts" ("Dimension", "Day", "Name", "Value", "Count") VALUES (@dimension, @day, @name, @value, 1)
        ON CONFLICT ("Dimension", "Day", "Name", "Value") DO UPDATE SET "Count" = "FactDayCounts"."Count" + 1
        """;

    private static void DeclareCountFact(DbCommand command)
    {
        Add(command, "@dimension", DbType.String);
        Add(command, "@day", DbType.Int32);
        Add(command, "@name", DbType.String);
        Add(command, "@value", DbType.String);
    }

    private static void Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
    }

    private static void BindCountFact(DbCommand command, string name, string dimension, string value, int day)
    {
        command.Parameters["@dimension"].Value = dimension;
        command.Parameters["@day"].Value = day;
        command.Parameters["@name"].Value = name;
        command.Parameters["@value"].Value = value;
    }

    private static async ValueTask Insert(RunStatement run, TableStatements table, object entity) =>
        await run(table.InsertSql, table.DeclareInsert, c => table.BindInsert(c, entity));

    private static async ValueTask Update(RunStatement run, TableStatements table, object entity, int? expected) =>
        Expect(await run(table.UpdateSql, table.DeclareUpdate, c => table.BindUpdate(c, entity, expected)), entity);

    private static void Expect(int rows, object entity)
    {
        if (rows != 1)
            throw new ConcurrencyConflictException($"{entity.GetType().Name} was changed or consumed by someone else at the same moment.");
    }
}
