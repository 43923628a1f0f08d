namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// The layout of the table "Cijfers 2024" in the RVT's factsheet, copied from the factsheet by hand rather than
/// from the product's code, so a test against it fails when the report drifts from the RVT's own layout.
/// </summary>
internal static class Factsheet
{
    public const string Kop = "Mogelijkheden interventies na Consultatie en Advies";

    public static readonly string[] Onderdelen =
    [
        "Besproken casus / Consultatie & Advies",
        Kop,
        "Netwerkberaden met partners",
        "Interventiegesprek RvdK",
        "Begeleiding ism lokaal team",
        "Aantal huishoudens",
    ];
}
