using ProcessEngine.Host.Components;

namespace ProcessEngine.Host.Tests.Ui;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/inbox", "/inbox")]
    [InlineData("/rapportages/halfjaarcijfers?jaar=2025", "/rapportages/halfjaarcijfers?jaar=2025")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://elders.example/", "/")]
    [InlineData("//elders.example/", "/")]
    [InlineData("/\\elders.example/", "/")]
    [InlineData("inbox", "/")]
    [InlineData("/aanmelden?ReturnUrl=%2F", "/")]
    [InlineData("/inbox\r\nSet-Cookie: x", "/")]
    public void OrHome_KeepsOnlyPathsOnThisHost(string? url, string expected) => Assert.Equal(expected, LocalUrl.OrHome(url));
}
