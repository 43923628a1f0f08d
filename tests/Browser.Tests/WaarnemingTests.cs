using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.WerkPages;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// Waarneming in the browser: prof1 names prof2 as stand-in for the coming week; prof2 finds prof1's task in the inbox marked
/// "namens prof1", completes it, and the admin's audit log shows that completion as prof2's, on prof1's behalf.
/// </summary>
public sealed class WaarnemingTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    private const string Preparation = "Bespreking aan de RVT-tafel voorbereiden";

    [Fact]
    public async Task StandIn_SeesTheTaskNamensTheColleague_CompletesIt_AndTheAuditLogSaysOnWhoseBehalf()
    {
        var prof1 = await world.SignedInAsync("prof1");
        var code = await RegisterIntakeAsync(prof1, "Zorgen om de veiligheid thuis; het gezin vraagt zelf om hulp.");
        var chair = await world.SignedInAsync("voorzitter");
        await chair.GotoAsync("/rvt");
        await InteractiveAsync(chair);
        await OpenTaskAsync(chair, "triage", code, "Triage nieuwe aanmelding");
        await chair.Locator("#veld-tafeldatum").FillAsync(TafelDatum);
        await CompleteAsync(chair, "Bespreking");

        // The server counts days in Amsterdam, whatever the machine's zone.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        await prof1.GotoAsync("/waarneming");
        await InteractiveAsync(prof1);
        await prof1.Locator("#waarneming-waarnemer").FillAsync("prof2");
        await prof1.Locator("#waarneming-van").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await prof1.Locator("#waarneming-tot").FillAsync(today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await prof1.Locator("[data-field='reden']").ClickAsync();
        await prof1.GetByRole(AriaRole.Option, new() { Name = "vakantie", Exact = true }).ClickAsync();
        await prof1.Locator("[data-action='waarneming-instellen']").ClickAsync();
        await Expect(prof1.GetByTestId("waarneming-notice")).ToContainTextAsync("prof2 neemt waar voor prof1");
        await Expect(prof1.Locator("[data-list='waarnemingen'] tr[data-waarneming]")).ToContainTextAsync("loopt");

        var prof2 = await world.SignedInAsync("prof2");
        await prof2.GotoAsync("/inbox");
        await InteractiveAsync(prof2);
        var row = prof2.Locator($"[data-list='waarneming-taken'] tr[data-casus='{code}']");
        await Expect(row.Locator("[data-namens='prof1']")).ToHaveTextAsync("namens prof1");
        await Expect(prof2.Locator($"[data-list='mijn-taken'] tr[data-casus='{code}']")).ToHaveCountAsync(0);
        await OpenTaskAsync(prof2, "waarneming-taken", code, Preparation);
        await Expect(prof2.GetByTestId("task-namens")).ToContainTextAsync("namens prof1");
        await CompleteAsync(prof2, "Voorbereid");

        var admin = await world.SignedInAsync("beheerder");
        await admin.GotoAsync($"/beheer/auditlog?casus={code}&gebruiker=prof2&gebeurtenis=task.complete");
        var line = admin.Locator("[data-section='auditlog'] tr[data-audit]");
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line).ToContainTextAsync("prof2");
        await Expect(line.Locator("[data-namens='prof1']")).ToHaveTextAsync("namens prof1");
    }
}
