using System.Text.Json;
using ProcessEngine.Host.Features.Migrations;
using ProcessEngine.Workflows.InstanceMigration;

namespace ProcessEngine.Host.Components.Studio.Migration;

/// <summary>
/// A plan file (the MigrationInput the API takes, as in workflows-json/migrations/) put onto the page: its versions on the
/// pickers, its plain mappings on the table rows, and what the table cannot show kept as read-only file rules.
/// </summary>
public static class MigrationPlanFile
{
    /// <summary>A plan file is a few kilobytes; anything near this is not one.</summary>
    public const long MaxBytes = 200 * 1024;

    /// <summary>Reads a plan file the way the run stores plans (web names, enums by name); the parser's message when it is not one.</summary>
    public static (MigrationInput? Plan, string? Error) Parse(string json)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<MigrationInput>(json, MigrationRunner.PlanJson);
            return plan is null ? (null, "Het bestand bevat geen plan.") : (plan, null);
        }
        catch (JsonException invalid)
        {
            return (null, $"Het bestand is geen geldig plan: {invalid.Message}");
        }
    }

    /// <summary>Why the file's versions cannot be put on the pickers (a version this flow does not have), or null.</summary>
    public static string? VersionProblem(MigrationInput plan, MigrationSourcesView flow)
    {
        var known = flow.Versions.Select(v => v.Version).ToHashSet();
        var missing = (plan.SourceVersions ?? []).Concat(plan.TargetVersion is { } chosen ? [chosen] : []).Where(v => !known.Contains(v)).Distinct().ToList();
        if (missing.Count > 0)
            return $"Het plan noemt {(missing.Count == 1 ? "versie" : "versies")} {string.Join(", ", missing)}, maar deze flow heeft alleen versie {string.Join(", ", known.Order())}. "
                + "Pas de versienummers in het bestand aan.";
        if (plan.TargetVersion is { } target && plan.SourceVersions?.Contains(target) == true)
            return $"Het plan verplaatst van versie {target} naar dezelfde versie.";
        return plan.SourceVersions is { Count: > 0 } ? null : "Het plan noemt geen versie om van te verplaatsen (sourceVersions).";
    }

    /// <summary>
    /// Puts the file's mappings on a draft whose rows were just rebuilt for its versions. A mapping without a condition and with
    /// a target goes on the rows it names, if each of them offers that target; every other mapping stays a file rule, in file
    /// order. So does one followed by another mapping of the same activity: the engine tries them in order, and taking it into
    /// the table (sent after the file rules) would put it behind the one that followed it.
    /// </summary>
    public static void Distribute(MigrationDraft draft, MigrationInput plan)
    {
        var mappings = plan.Activities ?? [];
        for (var i = 0; i < mappings.Count; i++)
        {
            var mapping = mappings[i];
            var rows = draft.Rows.Where(r => r.Source.Id == mapping.Source && (mapping.SourceVersion is null || mapping.SourceVersion == r.SourceVersion)).ToList();
            // The table has no column for a recomputed holder: such a mapping stays a file rule too.
            var fits = mapping is { When: null, Target: { } target, Holder: HolderChoice.Keep } && rows.Count > 0
                && rows.All(r => draft.Options(r).Any(o => o.Id == target))
                && !mappings.Skip(i + 1).Any(later => later.Source == mapping.Source);
            if (!fits)
            {
                draft.FileRules.Add(new FileRule(mapping));
                continue;
            }
            foreach (var row in rows) (row.Target, row.Due) = (mapping.Target, row.HasMoment ? mapping.Due : DueMoment.Keep);
        }
        foreach (var variable in plan.Variables ?? [])
            draft.Variables.Add(new VariableRow { Name = variable.Name, Action = variable.Action, To = variable.To, Expression = variable.Expression });
    }
}
