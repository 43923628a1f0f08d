using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>Records a countable fact for the figures (e.g. "netwerkberaad" when that route is chosen), in the same commit as the step.</summary>
[Activity("RecordFact", Category = "Gegevens", DisplayName = "Telling vastleggen",
    Description = "Legt een telbaar feit vast voor de halfjaarcijfers; alleen een naam en categorieën, nooit inhoud.")]
public sealed class RecordFact : Activity, ICountsFacts
{
    string? ICountsFacts.FactName => Fact.Literal;
    string ICountsFacts.FactInput => "fact";

    [Input(Label = "Telling", Description = "Naam van het feit, bijvoorbeeld 'netwerkberaad'.", Required = true, AllowExpression = false)]
    public Input<string> Fact { get; set; } = new((string?)null);

    [Input(Label = "Categorieën", Description = "Categorieën als object van korte teksten, bijvoorbeeld { huishouden: input.huishouden }.")]
    public Input<object> Dimensions { get; set; } = new((object?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var dimensions = context.Get(Dimensions) switch
        {
            null => new Dictionary<string, string>(),
            Dictionary<string, object?> map => map.Where(p => p.Value is not null)
                .ToDictionary(p => p.Key, p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!),
            var other => throw new ActivityFaultException($"RecordFact '{Id}': dimensions must be an object, got {other.GetType().Name}."),
        };
        // An application that declares its facts checks every dimension and value (ActivityContext.RecordFact); this limit is for the rest.
        if (dimensions.Values.Any(v => v.Length > 64))
            throw new ActivityFaultException($"RecordFact '{Id}': dimension values are categories (at most 64 characters), not content.");
        context.RecordFact(Fact.Literal!, dimensions);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
