using Hangfire;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Prompts;

// In the hosting namespace, so that ProcessEngineHosting wires the feature with one line each way.
namespace ProcessEngine.Host.Extensions;

/// <summary>Registration of the task prompts: e-mail through the outbox, reminders and escalations, live pushes.</summary>
public static class TaskPromptsSetup
{
    public static WebApplicationBuilder AddTaskPrompts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PromptOptions>().Bind(builder.Configuration.GetSection(PromptOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PromptOptions>, PromptOptionsValidator>();
        services.AddSingleton<PromptRecipients>();
        services.AddSingleton<EscalationRecipients>();
        services.AddSingleton<PromptWriter>();
        // Every pass that creates tasks commits their prompt rows with them (the transactional outbox).
        services.AddSingleton<ProcessEngine.Workflows.Persistence.ICommitParticipant, CreatedPromptsAlongside>();
        services.AddSingleton<ProcessEngine.Workflows.Persistence.ICommitParticipant, HandedPromptsAlongside>();
        // The inbrenger hears of the maatregel the GI carries out, in the same transaction.
        services.AddSingleton<ProcessEngine.Workflows.Persistence.ICommitParticipant, MaatregelUpdatesAlongside>();
        services.AddSingleton<PromptCursors>();
        services.AddSingleton<SmtpMailer>();
        // Singletons: Hangfire resolves its jobs from the container, and the handlers (Mediator, singleton) need them too.
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<DispatchTrigger>();
        services.AddSingleton<CreatedPromptSweep>();
        services.AddSingleton<DuePromptScan>();
        services.AddSignalR();
        return builder;
    }

    /// <summary>The hub, and the recurring jobs: the dispatcher's retries, the creation sweep, reminders and escalations.</summary>
    public static WebApplication MapTaskPrompts(this WebApplication app)
    {
        app.MapHub<TaskHub>(TaskHub.Path);
        var settings = app.Services.GetRequiredService<IOptions<PromptOptions>>().Value;
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<OutboxDispatcher>(OutboxDispatcher.JobId, job => job.RunAsync(CancellationToken.None), settings.DispatchCron);
        jobs.AddOrUpdate<CreatedPromptSweep>(CreatedPromptSweep.JobId, job => job.RunAsync(CancellationToken.None), settings.SweepCron);
        jobs.AddOrUpdate<DuePromptScan>(DuePromptScan.JobId, job => job.RunAsync(CancellationToken.None), settings.DueCron);
        if (!settings.Smtp.IsConfigured)
            app.Logger.LogWarning("No SMTP server configured (Prompts:Smtp:Host): e-mail prompts wait in the outbox until one is");
        return app;
    }
}

/// <summary>Stops the start-up on a wrong prompt setting, naming the key, rather than failing every prompt later.</summary>
internal sealed class PromptOptionsValidator : IValidateOptions<PromptOptions>
{
    public ValidateOptionsResult Validate(string? name, PromptOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
