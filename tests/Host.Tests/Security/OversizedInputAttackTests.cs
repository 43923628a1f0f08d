using System.Net;
using System.Net.Http.Json;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>Attack: filling a casus's history with a Veiligheidskaart of thousands of points (a script, or a paste gone wrong).</summary>
public sealed class OversizedInputAttackTests
{
    [Fact]
    public async Task AKaartWithThousandsOfPoints_IsRefusedNamingTheList_AndNothingIsStored()
    {
        await using var host = new ApiHost();
        await host.InitializeAsync();
        using var prof1 = await host.AsAsync("prof1");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var points = Enumerable.Range(1, 10_000).Select(i => $"zorg {i}").ToArray();

        var refused = await prof1.PutAsJsonAsync($"/api/casus/{code}/veiligheidskaart",
            new { basisVersie = 0, inhoud = new { zorgen = points, afspraken = Enumerable.Repeat(new { wat = "x", wie = "oma" }, 51) } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(["inhoud.afspraken", "inhoud.zorgen"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("Ten hoogste 50 punten: vat samen wat bij elkaar hoort.", errors.GetProperty("inhoud.zorgen")[0].GetString());
        var versions = await (await prof1.GetAsync($"/api/casus/{code}/veiligheidskaart/versions")).ReadJsonAsync();
        Assert.Equal(0, versions.GetArrayLength());
    }
}
