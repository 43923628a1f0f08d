using MudBlazor;

namespace ProcessEngine.Host.Components.Layout;

/// <summary>One calm theme with system fonts: the host serves no web fonts and fetches none from elsewhere.</summary>
public static class UiTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4e89",
            Secondary = "#00796b",
            AppbarBackground = "#1d4e89",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
