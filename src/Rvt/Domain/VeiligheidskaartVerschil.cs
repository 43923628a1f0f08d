namespace ProcessEngine.Rvt.Domain;

/// <summary>One difference between two versions of the Veiligheidskaart, worded for the casus page.</summary>
public sealed record Verschil(string Veld, string Soort, string? Oud, string? Nieuw);

/// <summary>What changed between two versions: items added to or removed from each list, and changed single fields.</summary>
public static class VeiligheidskaartVerschil
{
    public const string Toegevoegd = "toegevoegd";
    public const string Verwijderd = "verwijderd";
    public const string Gewijzigd = "gewijzigd";

    public static IReadOnlyList<Verschil> Tussen(VeiligheidskaartInhoud oud, VeiligheidskaartInhoud nieuw)
    {
        var verschillen = new List<Verschil>();
        Lijst(verschillen, "zorgen", oud.Zorgen, nieuw.Zorgen);
        Lijst(verschillen, "krachten", oud.Krachten, nieuw.Krachten);
        Lijst(verschillen, "veiligheidsvoorwaarden", oud.Veiligheidsvoorwaarden, nieuw.Veiligheidsvoorwaarden);
        Lijst(verschillen, "afspraken", [.. oud.Afspraken.Select(Tekst)], [.. nieuw.Afspraken.Select(Tekst)]);
        Lijst(verschillen, "gedeeldMet", oud.GedeeldMet, nieuw.GedeeldMet);
        Enkel(verschillen, "monitor", oud.Monitor, nieuw.Monitor);
        Enkel(verschillen, "volgendeEvaluatie", oud.VolgendeEvaluatie?.ToString("yyyy-MM-dd"), nieuw.VolgendeEvaluatie?.ToString("yyyy-MM-dd"));
        Enkel(verschillen, "stemKind", oud.StemKind, nieuw.StemKind);
        Enkel(verschillen, "stemOuders", oud.StemOuders, nieuw.StemOuders);
        return verschillen;
    }

    private static string Tekst(Afspraak a) =>
        string.Join(" · ", new[] { a.Wat, a.Wie is null ? null : "wie: " + a.Wie, a.Wanneer is null ? null : "wanneer: " + a.Wanneer,
            a.HoeGecontroleerd is null ? null : "controle: " + a.HoeGecontroleerd }.Where(x => !string.IsNullOrWhiteSpace(x)));

    private static void Lijst(List<Verschil> verschillen, string veld, IReadOnlyList<string> oud, IReadOnlyList<string> nieuw)
    {
        foreach (var item in oud.Except(nieuw, StringComparer.Ordinal)) verschillen.Add(new Verschil(veld, Verwijderd, item, null));
        foreach (var item in nieuw.Except(oud, StringComparer.Ordinal)) verschillen.Add(new Verschil(veld, Toegevoegd, null, item));
    }

    private static void Enkel(List<Verschil> verschillen, string veld, string? oud, string? nieuw)
    {
        if (!string.Equals(oud ?? "", nieuw ?? "", StringComparison.Ordinal)) verschillen.Add(new Verschil(veld, Gewijzigd, oud, nieuw));
    }
}
