using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// Importing a flow file and publishing a draft from the studio with four eyes: one coordinator offers the draft, another approves
/// or rejects it; refusals shown by JSON path.
/// </summary>
public sealed class StudioPublishTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    private const string Flow = """
        { "id": "browser-publish-flow", "name": "Browser-publicatie",
          "activities": [ { "id": "taak", "type": "HumanTask", "inputs": { "title": "Doen", "candidateGroup": "Professional" } } ] }
        """;

    private static FilePayload File(string json) => new() { Name = "flow.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) };

    [Fact]
    public async Task Coordinator_ImportsAFlowFile_AsADraft_OffersIt_AndASecondCoordinatorRejectsThenApproves()
    {
        var page = await world.SignedInAsync("coordinator");
        await page.GotoAsync("/studio/flows");
        var upload = page.GetByTestId("flow-import");
        await Expect(upload).ToBeEnabledAsync();

        await upload.SetInputFilesAsync(File(Flow.Replace("\"HumanTask\"", "\"HumanTaak\"")));
        await Expect(page.GetByTestId("flow-refused-errors")).ToContainTextAsync("$.activities[0].type");
        await upload.SetInputFilesAsync(File(Flow));
        await Expect(page.GetByTestId("flow-imported")).ToContainTextAsync("Browser-publicatie is geïmporteerd als concept (versie 1)");
        await Expect(page.Locator("[data-flow-link='browser-publish-flow']")).ToHaveCountAsync(1);

        // Drafts saved through the API (as a coordinator's tooling would) are offered from the studio like its own.
        await SaveDraftAsync(page, Flow.Replace("\"Doen\"", "\"\""));
        await page.GotoAsync("/studio/flows/browser-publish-flow");
        await Expect(page.GetByTestId("flow-status")).ToContainTextAsync("versie 1 · concept");
        var publish = page.GetByTestId("flow-publish");
        await Expect(publish).ToHaveTextAsync("Ter publicatie aanbieden");
        await Expect(publish).ToBeEnabledAsync();
        await publish.ClickAsync();
        await Expect(page.GetByTestId("flow-refused-errors")).ToContainTextAsync("$.activities[0].inputs.title");

        await SaveDraftAsync(page, Flow.Replace("\"Doen\"", "\"Nu doen\""));
        await page.ReloadAsync();
        await Expect(publish).ToBeEnabledAsync();
        await publish.ClickAsync();
        await Expect(page.GetByTestId("publication-pending")).ToContainTextAsync("Aangeboden door coordinator op");
        await Expect(page.GetByTestId("publication-approve")).ToBeDisabledAsync();

        // The second coordinator turns it down with a reason: the draft stays a draft, and the offer is gone.
        var second = await world.SignedInAsync(FlowPublishing.Approver);
        await second.GotoAsync("/studio/flows/browser-publish-flow");
        await Expect(second.GetByTestId("publication-pending")).ToContainTextAsync("wacht op een tweede coördinator");
        await second.GetByTestId("publication-reason").FillAsync("De titel is nog niet goed");
        await second.GetByTestId("publication-reject").ClickAsync();
        await Expect(second.GetByTestId("publication-request")).ToHaveCountAsync(0);
        await Expect(second.GetByTestId("flow-status")).ToContainTextAsync("versie 1 · concept");

        // Whoever offered it reads why on the flow's page (the audit log is not theirs), until they offer it again.
        await Expect(second.GetByTestId("publication-rejected")).ToContainTextAsync("afgewezen door coordinator2");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("publication-rejected")).ToContainTextAsync(
            "Het aanbod van versie 1 (door coordinator) is afgewezen door coordinator2 op");
        await Expect(page.GetByTestId("publication-rejected")).ToContainTextAsync("“De titel is nog niet goed”");

        // Offered again, approved by the second coordinator: live.
        await Expect(publish).ToBeEnabledAsync();
        await publish.ClickAsync();
        await Expect(page.GetByTestId("publication-pending")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("publication-rejected")).ToHaveCountAsync(0);
        await second.ReloadAsync();
        await Expect(second.GetByTestId("publication-approve")).ToBeEnabledAsync();
        await second.GetByTestId("publication-approve").ClickAsync();
        await Expect(second.GetByTestId("flow-status")).ToContainTextAsync("versie 1 · live");
        await Expect(second.Locator("[data-testid='flow-versions'] tr[data-version='1']")).ToContainTextAsync("live");
        await Expect(second.GetByTestId("flow-refused")).ToHaveCountAsync(0);
    }

    private static async Task SaveDraftAsync(IPage page, string json)
    {
        var response = await page.Context.APIRequest.PutAsync("/api/flows/browser-publish-flow/draft", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            DataString = json,
        });
        Assert.Equal(200, response.Status);
    }
}
