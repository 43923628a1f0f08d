namespace ProcessEngine.HostStore.Identity;

/// <summary>The roles of ProcessEngine. A role is also a candidate group: a task for "RvtChair" can be claimed by any chair.</summary>
public static class Roles
{
    public const string Coordinator = "Coordinator";
    public const string RvtChair = "RvtChair";
    public const string RvtMember = "RvtMember";
    public const string Professional = "Professional";
    /// <summary>The gecertificeerde instelling's worker who carries out a court measure: registers the beschikking, does its evaluations and requests.</summary>
    public const string Jeugdbeschermer = "Jeugdbeschermer";
    /// <summary>Someone who knows child protection from the inside (a parent, a former client): duo partner beside a professional, at the table, in evaluations.</summary>
    public const string Ervaringsdeskundige = "Ervaringsdeskundige";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Coordinator, RvtChair, RvtMember, Professional, Jeugdbeschermer, Ervaringsdeskundige, Manager, Admin];

    /// <summary>Dutch names for the UI.</summary>
    public static string Dutch(string role) => role switch
    {
        Coordinator => "Coördinator",
        RvtChair => "Voorzitter RVT",
        RvtMember => "Lid RVT",
        Professional => "Professional",
        Jeugdbeschermer => "Jeugdbeschermer (GI)",
        Ervaringsdeskundige => "Ervaringsdeskundige",
        Manager => "Manager",
        Admin => "Beheerder",
        _ => role,
    };
}
