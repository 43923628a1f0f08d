using System.Net;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Ui;

/// <summary>The host serves what the pages load: Blazor's script, MudBlazor's CSS and JavaScript, the app's CSS.</summary>
public sealed class StaticAssetTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task EveryStylesheetAndScriptOfThePage_IsServed()
    {
        using var browser = new UiSession(host.Factory);
        var page = await browser.GetAsync("/aanmelden");

        Assert.Contains(page.Assets, a => a.StartsWith("/_framework/blazor.web.", StringComparison.Ordinal));
        Assert.Contains(page.Assets, a => a.StartsWith("/_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(page.Assets, a => a.StartsWith("/_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        foreach (var asset in page.Assets)
        {
            var response = await browser.Client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} gave {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000 || asset.Contains("app", StringComparison.Ordinal), $"{asset} is (nearly) empty");
        }
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    public async Task TheUnversionedAddresses_AreServedToo(string path, string mediaType)
    {
        using var client = host.Anonymous();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }
}
