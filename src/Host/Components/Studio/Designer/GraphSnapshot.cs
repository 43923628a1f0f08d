namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// The shape of the graph as the JS canvas reports it after an edit: which activities stand where and
/// what connects to what. Inputs are not in it; those live in C# (<see cref="DesignerDraft"/>).
/// </summary>
public sealed record GraphSnapshot(IReadOnlyList<GraphActivity> Activities, IReadOnlyList<GraphConnection> Connections);

/// <param name="CopyOf">For a pasted activity: the activity it copies, whose inputs it takes.</param>
public sealed record GraphActivity(string Id, string Type, double X, double Y, string? CopyOf);

public sealed record GraphConnection(string Source, string Outcome, string Target);
