namespace ProcessEngine.Workflows.Runtime;

public enum ActivityResultKind { Completed, Suspended, FinishWorkflow }

/// <summary>
/// What an activity asks the flowchart to do next. A struct, so the common "completed with an outcome"
/// path allocates nothing.
/// </summary>
public readonly struct ActivityResult
{
    private ActivityResult(ActivityResultKind kind, string? outcome, IReadOnlyList<string>? outcomes, BookmarkRequest? bookmark)
    {
        Kind = kind;
        Outcome = outcome;
        Outcomes = outcomes;
        Bookmark = bookmark;
    }

    public ActivityResultKind Kind { get; }
    /// <summary>The single outcome taken (the common case).</summary>
    public string? Outcome { get; }
    /// <summary>Several outcomes taken at once (a fork).</summary>
    public IReadOnlyList<string>? Outcomes { get; }
    public BookmarkRequest? Bookmark { get; }

    public static ActivityResult Done { get; } = new(ActivityResultKind.Completed, Workflows.Activities.Outcomes.Done, null, null);
    public static ActivityResult WithOutcome(string outcome) => new(ActivityResultKind.Completed, outcome, null, null);
    public static ActivityResult WithOutcomes(IReadOnlyList<string> outcomes) => new(ActivityResultKind.Completed, null, outcomes, null);
    public static ActivityResult Suspend(BookmarkRequest bookmark) => new(ActivityResultKind.Suspended, null, null, bookmark);
    /// <summary>Ends the whole instance: other branches stop and every waiting bookmark is cancelled.</summary>
    public static ActivityResult FinishWorkflow { get; } = new(ActivityResultKind.FinishWorkflow, null, null, null);
}
