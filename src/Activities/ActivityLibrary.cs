using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Activities;

/// <summary>Registers this library's activities with the engine, with the task form rules its flows rely on.</summary>
public static class ActivityLibrary
{
    public static ActivityRegistry AddProcessEngineActivities(this ActivityRegistry registry) =>
        registry.AddFromAssemblyOf<Generic.HumanTask>()
            // Privacy is not optional: every task form's free text is checked wherever these activities run.
            .AddFormRule(new Forms.IdentifierFormRule())
            .AddFormRule(new Forms.MaatregelFormRule())
            .AddFormRule(new Forms.MaatregelVerlengingFormRule())
            .AddFormRule(new Forms.TafeldatumFormRule());
}
