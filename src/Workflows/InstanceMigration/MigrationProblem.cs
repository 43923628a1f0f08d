namespace ProcessEngine.Workflows.InstanceMigration;

/// <summary>
/// Why a plan cannot run. <paramref name="Field"/> is the JSON path in the plan (for a 400 naming the field);
/// <paramref name="ActivityId"/> and <paramref name="SourceVersion"/> name the activity when it is about one.
/// </summary>
public sealed record MigrationProblem(string Field, string Message, string? ActivityId = null, int? SourceVersion = null);

/// <summary>A plan that did not pass the engine's checks; the problems say where.</summary>
public sealed class MigrationPlanException(IReadOnlyList<MigrationProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<MigrationProblem> Problems { get; } = problems;
}
