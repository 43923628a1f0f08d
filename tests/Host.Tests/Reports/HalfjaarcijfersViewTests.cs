using ProcessEngine.Host.Features.Reports;
using ProcessEngine.Rvt.Application;

namespace ProcessEngine.Host.Tests.Reports;

/// <summary>
/// How a share is shown beside its denominator's row: a whole percentage, hidden when the part or the rest is a
/// small count (either would give a family's count back), and hidden in the total when a half is hidden.
/// </summary>
public sealed class HalfjaarcijfersViewTests
{
    private static HalfjaarRijView Share(int eerste, int vanEerste, int tweede, int vanTweede) =>
        HalfjaarcijfersView.From(new Halfjaarcijfers(2026,
            [new HalfjaarRij("Aandeel", eerste, tweede, Noemer: new HalfjaarNoemer(vanEerste, vanTweede))])).Rijen.Single();

    [Fact]
    public void Share_IsAWholePercentage_WhenNeitherThePartNorTheRestIsSmall()
    {
        var row = Share(15, 20, 5, 10);

        Assert.Equal(("75%", "50%", "67%"), (row.EersteHalfjaar, row.TweedeHalfjaar, row.Totaal));
    }

    [Theory]
    [InlineData(3, 20)] // the part is small
    [InlineData(18, 20)] // the rest is small: 20 - 18 = 2
    public void Share_IsHidden_WhenThePartOrTheRestIsSmall_AndSoIsTheTotal(int part, int of)
    {
        var row = Share(part, of, 10, 20);

        Assert.Equal((HalfjaarcijfersView.SmallShare, "50%", HalfjaarcijfersView.SmallShare), (row.EersteHalfjaar, row.TweedeHalfjaar, row.Totaal));
    }

    [Fact]
    public void Share_OfNothing_IsADash_AndAnAllOrNothingShareOfEnoughIsShown()
    {
        var row = Share(0, 0, 12, 12);

        Assert.Equal(("–", "100%", "100%"), (row.EersteHalfjaar, row.TweedeHalfjaar, row.Totaal));
    }
}
