namespace ProcessEngine.Rvt.Application;

/// <summary>Which published flows the domain starts; configurable so a region can ship its own variant.</summary>
public sealed class RvtFlowOptions
{
    public string TrajectFlow { get; set; } = "rvt-traject";
    public string MaatregelFlow { get; set; } = "rvt-maatregel";
    /// <summary>The request from the casus page that the GI register a beschikking (a group task for the jeugdbeschermers).</summary>
    public string BeschikkingFlow { get; set; } = "rvt-beschikking";
}
