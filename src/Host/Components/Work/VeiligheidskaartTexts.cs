namespace ProcessEngine.Host.Components.Work;

/// <summary>The Veiligheidskaart's parts in the plain Dutch a family reads (the card travels with them), shared by screen, print and differences.</summary>
public static class VeiligheidskaartTexts
{
    public const string Zorgen = "Waar maken we ons zorgen over?";
    public const string Krachten = "Wat gaat er goed?";
    public const string Voorwaarden = "Wat moet er in ieder geval gebeuren om het veilig te houden?";
    public const string Afspraken = "Onze afspraken";
    public const string Monitor = "Wie houdt in de gaten of de afspraken lukken?";
    public const string Evaluatie = "Wanneer kijken we samen of het werkt?";
    public const string StemKind = "Wat het kind zegt";
    public const string StemOuders = "Wat de ouders zeggen";
    public const string GedeeldMet = "Wie heeft deze kaart?";

    /// <summary>A field name of the domain's difference list ("zorgen", "afspraken", ...) as its heading.</summary>
    public static string Of(string veld) => veld switch
    {
        "zorgen" => Zorgen,
        "krachten" => Krachten,
        "veiligheidsvoorwaarden" => Voorwaarden,
        "afspraken" => Afspraken,
        "monitor" => Monitor,
        "volgendeEvaluatie" => Evaluatie,
        "stemKind" => StemKind,
        "stemOuders" => StemOuders,
        "gedeeldMet" => GedeeldMet,
        _ => veld,
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
