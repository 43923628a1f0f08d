using Microsoft.AspNetCore.Authorization;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Who may call what, by role. Involvement (is this professional on this casus?) is decided per request
/// by <see cref="Access.CasusAccess"/>, after the role check passed.
/// </summary>
public static class Policies
{
    /// <summary>Design and publish flows, and see the activity library.</summary>
    public const string ManageFlows = "flows.manage";
    /// <summary>Work on casus: professionals, ervaringsdeskundigen and the RVT (involvement checked per casus).</summary>
    public const string CasusWork = "casus.work";
    /// <summary>Register a court measure from its beschikking, a machtiging within it, and end it: the GI's jeugdbeschermer (involvement checked per casus).</summary>
    public const string Maatregel = "casus.maatregel";
    /// <summary>The RVT table: its agenda, for the chair, the members and the ervaringsdeskundigen who take part.</summary>
    public const string RvtTafel = "rvt.tafel";
    /// <summary>Bring in a new casus.</summary>
    public const string Aanmelden = "casus.aanmelden";
    /// <summary>Look at running instances (structure, journal, waiting steps; never variables) and retry or cancel them.</summary>
    public const string OperateInstances = "instances.operate";
    /// <summary>Figures and pseudonymous lists; never casus content.</summary>
    public const string Reports = "reports";
    /// <summary>The audit log and the Hangfire dashboard.</summary>
    public const string Admin = "admin";

    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>
    {
        [ManageFlows] = [Roles.Coordinator, Roles.Admin],
        [CasusWork] = [Roles.Professional, Roles.Jeugdbeschermer, Roles.Ervaringsdeskundige, Roles.RvtChair, Roles.RvtMember],
        [Maatregel] = [Roles.Jeugdbeschermer],
        [RvtTafel] = [Roles.RvtChair, Roles.RvtMember, Roles.Ervaringsdeskundige],
        [Aanmelden] = [Roles.Professional],
        [OperateInstances] = [Roles.Coordinator, Roles.Manager, Roles.Admin],
        [Reports] = [Roles.Manager, Roles.RvtChair],
        [Admin] = [Roles.Admin],
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesByPolicy) options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        options.FallbackPolicy = null;
    }
}
