using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Rvt.Tests.Domain;

public sealed class NetwerkServiceTests
{
    private static async Task<string> CasusAsync(DomainFixture domain) =>
        (await domain.Trajecten.RegisterIntakeAsync(new CasusIntake
        {
            Organisatie = "Wijkteam", Hulpvraag = "Wie kan het gezin opvangen als het thuis misgaat?",
            Huishouden = Huishouden.GezinMetKinderen, Onveiligheid = Onveiligheid.Structureel,
        }, "prof1")).Value!.CasusCode;

    [Fact]
    public async Task Netwerk_KeepsRolesFormalAndInformal_InformalFirst()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);

        await domain.Netwerk.AddAsync(code, "wijkagent", NetwerkSoort.Formeel, null, "prof1");
        await domain.Netwerk.AddAsync(code, " grootmoeder ", NetwerkSoort.Informeel, "Vangt de kinderen op na school", "prof1");
        var buurvrouw = (await domain.Netwerk.AddAsync(code, "buurvrouw", NetwerkSoort.Informeel, null, "prof2")).Value!;

        var netwerk = await domain.Netwerk.ListAsync(code);
        Assert.Equal(["grootmoeder", "buurvrouw", "wijkagent"], netwerk.Select(n => n.Rol));
        Assert.Equal("Vangt de kinderen op na school", netwerk[0].Bijdrage);
        Assert.Equal("prof2", netwerk[1].ToegevoegdDoor);

        Assert.Equal(DomainOutcome.Ok, (await domain.Netwerk.RemoveAsync(code, buurvrouw.Id)).Outcome);
        Assert.Equal(DomainOutcome.NotFound, (await domain.Netwerk.RemoveAsync(code, buurvrouw.Id)).Outcome);
        Assert.Equal(2, (await domain.Netwerk.ListAsync(code)).Count);
    }

    [Theory]
    [InlineData("", "rol", "Geef de rol")]
    [InlineData("de oom die op Dorpsstraat 12 woont", "rol", "adres")]
    [InlineData("buurman, tel 06-12345678", "rol", "telefoonnummer")]
    [InlineData("grootmoeder van moeders kant en daarnaast de tweede oom van vaders kant, die elk weekend komt", "rol", "60 tekens")]
    public async Task VoegToe_RefusesANameLikeOrTooLongRole_AndStoresNothing(string rol, string field, string message)
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await CasusAsync(domain);

        var result = await domain.Netwerk.AddAsync(code, rol, NetwerkSoort.Informeel, null, "prof1");

        Assert.Equal(DomainOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors[field], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await domain.Netwerk.ListAsync(code));
    }

    [Fact]
    public async Task VoegToe_NeedsAKind_AndAnExistingCasus()
    {
        await using var domain = await DomainFixture.StartAsync();

        Assert.Contains("soort", (await domain.Netwerk.AddAsync("RVT-2026-AAAAAA", "buurvrouw", null, null, "prof1")).Errors.Keys);
        Assert.Equal(DomainOutcome.NotFound, (await domain.Netwerk.AddAsync("RVT-2026-AAAAAA", "buurvrouw", NetwerkSoort.Informeel, null, "prof1")).Outcome);
    }
}
