using Microsoft.AspNetCore.Components.Web;

namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// The designer's room: the canvas takes the window's height below the page heading (never less than a usable box), and full
/// screen gives toolbox, canvas and panel the whole window (Esc leaves). The side columns scroll on their own (app.css), so a
/// long property panel never stretches the page below the canvas.
/// </summary>
public sealed class DesignerRoom
{
    private bool _fitPending;

    public bool FullScreen { get; private set; }

    // Room left for the app bar, the page heading and the toolbar; full screen only for the toolbar and the caption.
    public string CanvasHeight => FullScreen ? "calc(100vh - 9rem)" : "max(28rem, calc(100vh - 17rem))";

    public string CssClass => FullScreen ? "pe-designer pe-designer-full" : "pe-designer";

    public void Toggle()
    {
        FullScreen = !FullScreen;
        _fitPending = true;
    }

    public void KeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape" && FullScreen) Toggle();
    }

    /// <summary>Whether the frame changed size since the flow was last fitted: true once, then the canvas fits it to its new room.</summary>
    public bool TakeFit()
    {
        var fit = _fitPending;
        _fitPending = false;
        return fit;
    }
}
