using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// Publishing a flow as the studio does it now (four eyes): imported as a draft, offered by the signed-in coordinator, approved
/// by a second coordinator (<see cref="Approver"/>, over the REST API with a bearer token). Tests that need a live flow say so in one line.
/// </summary>
public static class FlowPublishing
{
    public const string Approver = "coordinator2";

    /// <summary>Imports the file as the page's user and has it published.</summary>
    public static async Task ImportPublishedAsync(IPage page, string json)
    {
        var imported = await page.Context.APIRequest.PostAsync("/api/flows/import", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            DataString = json,
        });
        Assert.True(imported.Status == 201, await imported.TextAsync());
        using var body = JsonDocument.Parse(await imported.TextAsync());
        await PublishDraftAsync(page, body.RootElement.GetProperty("version").GetProperty("id").GetString()!);
    }

    /// <summary>Offers the flow's draft as the page's user; the second coordinator approves it.</summary>
    public static async Task PublishDraftAsync(IPage page, string flowId)
    {
        var offered = await page.Context.APIRequest.PostAsync($"/api/flows/{Uri.EscapeDataString(flowId)}/publish-request");
        Assert.True(offered.Status == 200, await offered.TextAsync());
        using var approver = await BearerAsync(new Uri(new Uri(page.Url).GetLeftPart(UriPartial.Authority)), Approver);
        await ApproveAsync(approver, flowId);
    }

    /// <summary>Imports the file with one client and has a second one (another coordinator) approve it.</summary>
    public static async Task ImportPublishedAsync(HttpClient requester, HttpClient approver, string json)
    {
        var imported = await requester.PostAsync("/api/flows/import", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await imported.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("version").GetProperty("id").GetString()!;
        var offered = await requester.PostAsync($"/api/flows/{Uri.EscapeDataString(id)}/publish-request", null);
        Assert.True(offered.IsSuccessStatusCode, await offered.Content.ReadAsStringAsync());
        await ApproveAsync(approver, id);
    }

    private static async Task ApproveAsync(HttpClient approver, string flowId)
    {
        var approved = await approver.PostAsync($"/api/flows/{Uri.EscapeDataString(flowId)}/publish-request/approve", null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
    }

    private static async Task<HttpClient> BearerAsync(Uri address, string userName)
    {
        var client = new HttpClient { BaseAddress = address };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = BrowserWorld.Password });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }
}
