namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>What the designer's toolbar asks for.</summary>
public enum DesignerCommand { Undo, Redo, Copy, Paste, Delete, ZoomIn, ZoomOut, Fit, Layout, FullScreen, Save, Publish, TestDrive }
