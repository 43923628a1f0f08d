using ProcessEngine.Activities;
using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Rvt;

/// <summary>What the shipped RVT flows run on: the generic activities and the RVT's task form rules.</summary>
public static class RvtActivities
{
    public static ActivityRegistry AddRvtActivities(this ActivityRegistry registry) =>
        registry.AddGenericActivities()
            // Privacy is not optional: every task form's free text is checked wherever these flows run.
            .AddFormRule(new Forms.IdentifierFormRule())
            .AddTextRule(new Forms.IdentifierTextRule())
            .AddFormRule(new Forms.MaatregelFormRule())
            .AddFormRule(new Forms.MaatregelVerlengingFormRule())
            .AddFormRule(new Forms.OtsBeschikkingFormRule())
            .AddFormRule(new Forms.MachtigingFormRule())
            .AddFormRule(new Forms.FirstVersionMachtigingGuard())
            .AddFormRule(new Forms.TafeldatumFormRule())
            .AddFormRule(new Forms.FamilyVoiceFormRule())
            .AddFormRule(new Forms.InformeelNetwerkFormRule())
            .AddFormRule(new Forms.GecombineerdAdviesFormRule())
            // Facts outlive the casus: the flows count only what is declared, in declared categories.
            .AddFacts(Application.RvtFactCatalog.Declarations);
}
