using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Forms;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Activities.Generic;

/// <summary>A prompt for a person: suspends until someone completes the task with one of its outcomes.</summary>
[Activity("HumanTask", Category = "Taken", DisplayName = "Taak", Description = "Vraagt een professional iets te doen; de flow wacht tot de taak is afgerond.")]
[Outcomes(FromInput = nameof(Outcomes))]
public sealed class HumanTask : Activity, IBlockingActivity, IUsesFormRule, ITitledActivity, ICountsFacts
{
    string? ICountsFacts.FactName => CountAs.Literal;
    string ICountsFacts.FactInput => "countAs";

    [Input(Label = "Titel", Description = "Titel van de taak in de inbox.", Required = true)]
    public Input<string> Title { get; set; } = new((string?)null);

    [Input(Label = "Toelichting", Description = "Toelichting voor wie de taak krijgt.", UIHint = "multiline")]
    public Input<string> Description { get; set; } = new((string?)null);

    [Input(Label = "Voor wie (gebruiker)", Description = "Gebruiker die de taak krijgt (leeg: de groep kan hem oppakken).")]
    public Input<string> Assignee { get; set; } = new((string?)null);

    [Input(Label = "Voor welke groep", Description = "Rol of team dat de taak kan oppakken, bijvoorbeeld RvtChair.")]
    public Input<string> CandidateGroup { get; set; } = new((string?)null);

    [Input(Label = "Termijn", Description = "Termijn vanaf nu, bijvoorbeeld 'P2W' of '5 werkdagen'.")]
    public Input<FlowDuration?> Due { get; set; } = new((FlowDuration?)null);

    [Input(Label = "Uiterlijk op", Description = "Vast moment waarop de taak af moet zijn (gaat voor de termijn), bijvoorbeeld de datum van het netwerkberaad.")]
    public Input<DateTimeOffset?> DueAt { get; set; } = new((DateTimeOffset?)null);

    [Input(Label = "Uitkomsten (knoppen)", Description = "De knoppen waarmee de taak wordt afgerond; elk is een uitgang.", Required = true)]
    public Input<IReadOnlyList<string>> Outcomes { get; set; } = new(["Afgerond"]);

    [Input(Label = "Formulier", Description = "Velden die het formulier vraagt.")]
    public Input<IReadOnlyList<FormField>> Form { get; set; } = new([]);

    [Input(Label = "Formuliercontrole", Description = "Extra controle op het ingevulde formulier, door de applicatie geleverd (bijvoorbeeld 'maatregel': de wettelijke maximale duur).", AllowExpression = false)]
    public Input<string> FormRule { get; set; } = new((string?)null);

    [Input(Label = "Escaleren als hij lang openstaat", Description = "Nee voor een stap waar tijd nemen de bedoeling is (reflectie, 'goed genoeg'): die wordt nooit geëscaleerd als hij lang openstaat.", AllowExpression = false)]
    public Input<bool> Escalate { get; set; } = new(true);

    [Input(Label = "Telling bij afronden", Description = "Naam van een telling die bij het afronden wordt vastgelegd, met de gekozen uitgang en de antwoorden op de keuzevelden (nooit vrije tekst), bijvoorbeeld 'beslismoment'.", AllowExpression = false)]
    public Input<string> CountAs { get; set; } = new((string?)null);

    [Input(Label = "Niet voor (gebruikers)", Description = "Gebruikers die deze taak niet mogen oppakken of afronden, bijvoorbeeld wie betrokken is bij wat de taak beoordeelt.")]
    public Input<IReadOnlyList<string>> ExcludedUsers { get; set; } = new((IReadOnlyList<string>?)null);

    bool ITitledActivity.TitleIsComputed => Title.IsExpression;

    string? IUsesFormRule.FormRuleName => FormRule.Literal is { Length: > 0 } name ? name : null;

    [Input(Label = "Antwoorden in variabele", Description = "Variabele die de ingevulde velden en de gekozen uitgang krijgt.", AllowExpression = false)]
    public Input<string> ResultVariable { get; set; } = new((string?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var title = context.Get(Title);
        if (string.IsNullOrWhiteSpace(title)) throw new ActivityFaultException($"Task '{Id}' has no title.");
        var due = context.Get(Due);
        var dueAt = context.Get(DueAt);
        var spec = new TaskSpec(
            title,
            context.Get(Description),
            context.Get(Assignee),
            context.Get(CandidateGroup),
            dueAt ?? (due is { } d ? d.AddTo(context.Now) : null),
            context.Get(Outcomes) ?? ["Afgerond"],
            context.Get(Form) ?? [],
            context.Get(Escalate),
            context.Get(ExcludedUsers));
        return ValueTask.FromResult(ActivityResult.Suspend(BookmarkRequest.ForTask(spec)));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        if (ResultVariable.Literal is { Length: > 0 } variable)
        {
            var result = new Dictionary<string, object?>(resume.Data ?? new Dictionary<string, object?>())
            {
                ["outcome"] = resume.Outcome,
                ["completedBy"] = resume.User,
            };
            context.SetVariable(variable, result);
        }
        if (CountAs.Literal is { Length: > 0 } fact) context.RecordFact(fact, CountedDimensions(context, resume), fromTask: true);
        return ValueTask.FromResult(ActivityResult.WithOutcome(resume.Outcome!));
    }

    /// <summary>
    /// The outcome and each choice field's answer: categories the flow itself offers, so a count never carries what
    /// someone typed. A choice left open, or answered with something the form does not offer, counts as "leeg".
    /// </summary>
    private Dictionary<string, string> CountedDimensions(ActivityContext context, ResumeInput resume)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal) { ["uitkomst"] = resume.Outcome ?? "" };
        foreach (var field in context.Get(Form) ?? [])
        {
            if (field.Type != FormFieldTypes.Choice) continue;
            var answer = resume.Data?.GetValueOrDefault(field.Name) as string;
            dimensions[field.Name] = answer is not null && (field.Options ?? []).Contains(answer) ? answer : "leeg";
        }
        return dimensions;
    }
}
