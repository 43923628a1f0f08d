namespace ProcessEngine.Host.Components.Studio;

/// <summary>A node's top-left corner on the canvas, as the JS canvas reports it after an auto-layout.</summary>
public sealed record CanvasPoint(double X, double Y);
