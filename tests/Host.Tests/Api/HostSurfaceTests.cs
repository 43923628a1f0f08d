using System.Net;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>What the host serves beside the API: the OpenAPI document, its reference UI, and the Hangfire dashboard for admins only.</summary>
public sealed class HostSurfaceTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task OpenApi_DescribesTheApi_AndTheReferenceUiIsServed()
    {
        using var client = host.Anonymous();

        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var docs = await client.GetAsync("/api-docs");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/tasks/mine", out _));
        Assert.True(paths.TryGetProperty("/api/casus/{code}/veiligheidskaart", out _));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task HangfireDashboard_IsForAdminsOnly()
    {
        using var anonymous = host.Anonymous();
        using var manager = await host.AsAsync("manager");
        using var admin = await host.AsAsync("beheerder");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
    }
}
