using Microsoft.AspNetCore.Components.Web;

namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// The designer's room: the canvas takes the window's height below the page heading (never less than a usable box), and full
/// screen gives toolbox, canvas and panel the whole window. The side columns scroll on their own, so a long property panel never
/// stretches the page below the canvas.
/// </summary>
public partial class FlowDesigner
{
    private bool _fullScreen, _fitAfterResize;

    // Room left for the app bar, the page heading and the toolbar; full screen only for the toolbar and the caption.
    private string CanvasHeight => _fullScreen ? "calc(100vh - 9rem)" : "max(28rem, calc(100vh - 17rem))";

    private void ToggleFullScreen()
    {
        _fullScreen = !_fullScreen;
        _fitAfterResize = true;
    }

    private void KeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape" && _fullScreen) ToggleFullScreen();
    }

    // After the frame changed size: the flow fitted to its new room (the canvas reads the frame's size itself).
    private async Task FitAfterResizeAsync()
    {
        if (!_fitAfterResize || _canvas is null) return;
        _fitAfterResize = false;
        await _canvas.ZoomToFitAsync();
    }
}
