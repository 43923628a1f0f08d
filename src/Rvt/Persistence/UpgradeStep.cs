namespace ProcessEngine.Rvt.Persistence;

/// <summary>
/// A one-time data step a migration left for the application to do (it needs the engine's data, which a migration of this
/// context cannot read). The migration inserts the row; the step deletes it in the transaction that does the work, so a
/// crash in between leaves it to do again and a done step never runs twice.
/// </summary>
public sealed class UpgradeStep
{
    /// <summary>Involvement was read from flow data before it had rows of its own: take over what running casussen had, once.</summary>
    public const string InvolvementFromFlowData = "involvement-from-flow-data";

    public string Name { get; set; } = "";
}
