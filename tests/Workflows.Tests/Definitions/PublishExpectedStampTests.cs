using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Tests.Runtime;

namespace ProcessEngine.Workflows.Tests.Definitions;

/// <summary>
/// Publishing the draft that was approved, and only that one (four eyes in the host): given the stamp of the approved draft,
/// a draft saved since is not published and the outcome says it is a conflict.
/// </summary>
public sealed class PublishExpectedStampTests : IAsyncDisposable
{
    private const string Flow = """{ "id": "stempel", "name": "Stempel", "activities": [ { "id": "stap", "type": "Step" } ] }""";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public PublishExpectedStampTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddMediator();
        services.AddWorkflowEngine(r => r.AddFromAssemblyOf<StepActivity>());
        services.AddInMemoryWorkflowStore();
        _services = services.BuildServiceProvider();
    }

    private WorkflowDefinitionService Definitions => _services.GetRequiredService<WorkflowDefinitionService>();

    [Fact]
    public async Task A_draft_saved_after_the_approved_stamp_is_not_published()
    {
        var approved = (await Definitions.SaveDraftAsync(Flow)).Record!.Stamp;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Definitions.SaveDraftAsync(Flow.Replace("Stempel", "Stempel later"));

        var published = await Definitions.PublishAsync("stempel", expectedStamp: approved);

        Assert.True(published.Conflict);
        Assert.False(published.Succeeded);
        Assert.Null(await _services.GetRequiredService<IWorkflowDefinitionStore>().FindLiveAsync("stempel"));
    }

    [Fact]
    public async Task The_approved_draft_is_published_and_a_second_publish_with_its_stamp_is_a_conflict()
    {
        var approved = (await Definitions.SaveDraftAsync(Flow)).Record!.Stamp;

        var published = await Definitions.PublishAsync("stempel", expectedStamp: approved);

        Assert.True(published.Succeeded);
        Assert.True(published.Record!.IsLive);
        Assert.True((await Definitions.PublishAsync("stempel", expectedStamp: approved)).Conflict);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
