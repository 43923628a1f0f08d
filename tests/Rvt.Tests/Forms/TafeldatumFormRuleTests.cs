using ProcessEngine.Rvt;
using ProcessEngine.Tests.Shared;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Tests.Forms;

/// <summary>A triage that puts a casus on the RVT table plans it for a table date; the table agenda is read from that date.</summary>
public sealed class TafeldatumFormRuleTests
{
    private const string Triage = """
        { "title": "Triage nieuwe aanmelding", "candidateGroup": "RvtChair", "outcomes": ["Consultatie & Advies", "Bespreking"],
          "form": [ { "name": "tafeldatum", "label": "Datum RVT-tafel (bij bespreking)", "type": "date" } ],
          "formRule": "tafeldatum", "resultVariable": "triage" }
        """;

    [Fact]
    public async Task Bespreking_IsRefusedWithoutATableDate_AndTakenWithOne()
    {
        await using var fixture = new ActivityFixture(r => r.AddRvtActivities());
        var started = await fixture.RunSingleAsync("HumanTask", Triage);
        var task = Assert.Single(await fixture.Store.FindOpenTasksAsync(new(CorrelationId: null)), t => t.InstanceId == started.InstanceId);

        var refused = await fixture.Runtime.CompleteTaskAsync(task.Id, "Bespreking", new Dictionary<string, object?>(), "voorzitter");
        var planned = await fixture.Runtime.CompleteTaskAsync(task.Id, "Bespreking", new Dictionary<string, object?> { ["tafeldatum"] = "2027-01-14" }, "voorzitter");

        Assert.Equal(ResumeOutcome.Rejected, refused.Outcome);
        Assert.Contains("RVT-tafel", Assert.Single(refused.FieldErrors!, e => e.Key == "tafeldatum").Value);
        Assert.Equal(ResumeOutcome.Resumed, planned.Outcome);
        var triage = (IReadOnlyDictionary<string, object?>)(await fixture.Store.FindInstanceAsync(started.InstanceId))!.Variables["triage"]!;
        Assert.Equal("2027-01-14", triage["tafeldatum"]);
    }

    [Fact]
    public async Task ConsultatieEnAdvies_NeedsNoTableDate()
    {
        await using var fixture = new ActivityFixture(r => r.AddRvtActivities());
        var started = await fixture.RunSingleAsync("HumanTask", Triage);
        var task = Assert.Single(await fixture.Store.FindOpenTasksAsync(new(CorrelationId: null)), t => t.InstanceId == started.InstanceId);

        var done = await fixture.Runtime.CompleteTaskAsync(task.Id, "Consultatie & Advies", new Dictionary<string, object?>(), "voorzitter");

        Assert.Equal(ResumeOutcome.Resumed, done.Outcome);
    }
}
