using System.Net;
using System.Net.Http.Json;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.Rvt.Forms;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attack (or habit): typing a family member's birth date into a date field of a task form, where the identifier guard's
/// cues ("geboren", an age) are never beside it. A date more than two years back is refused in a field that does not ask
/// for a birth date; the message quotes nothing and the task stays open.
/// </summary>
public sealed class DateFieldBirthDateAttackTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_birth_date_as_the_tafeldatum_is_refused_naming_the_field_and_a_real_tafeldatum_passes()
    {
        using var prof1 = await host.AsAsync("prof1");
        using var chair = await host.AsAsync("voorzitter");
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", await ApiWorld.RegisterIntakeAsync(prof1));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Workflows.Scheduling.DutchCalendar.Amsterdam).DateTime);
        var birthDate = today.AddYears(-34).AddDays(-17).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum = birthDate } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(IdentifierFormRule.OldDateMessage, errors.GetProperty("data.tafeldatum")[0].GetString());
        Assert.DoesNotContain(birthDate[..4], errors.ToString());
        Assert.Equal("Open", (await (await chair.GetAsync($"/api/tasks/{triage}")).ReadJsonAsync()).GetProperty("status").GetString());

        var tafeldatum = today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var accepted = await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum } });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
