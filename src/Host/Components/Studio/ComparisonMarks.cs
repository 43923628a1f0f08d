namespace ProcessEngine.Host.Components.Studio;

/// <summary>
/// What a comparison marks on the canvas: activity ids and connection keys (<see cref="CanvasModel.ConnectionId"/>); with
/// <see cref="Landing"/>, how many trajecten a migration preview puts in each activity (shown in its tooltip).
/// </summary>
public sealed record ComparisonMarks(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> AddedConnections,
    IReadOnlyList<string> RemovedConnections,
    IReadOnlyDictionary<string, int>? Landing = null);
