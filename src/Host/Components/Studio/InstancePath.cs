namespace ProcessEngine.Host.Components.Studio;

/// <summary>
/// What the instance viewer marks on the canvas: the activities an instance ran, the connections it
/// followed (by <see cref="CanvasModel.ConnectionId"/>), the ones it waits on and a faulted one.
/// </summary>
public sealed record InstancePath(
    IReadOnlyList<string> Visited,
    IReadOnlyList<string> Taken,
    IReadOnlyList<string> Waiting,
    IReadOnlyList<string> Faulted);
