namespace ProcessEngine.Workflows.TestDrive;

/// <summary>
/// Compares a replayed proefrit with the timeline its scenario expects. The first line that differs is what a
/// coordinator or a developer needs: it names the step and the date that a change to the flow or the engine moved.
/// </summary>
public static class ScenarioCheck
{
    /// <returns>Null when the replay matches; otherwise the first difference, in Dutch.</returns>
    public static string? FirstDifference(IReadOnlyList<string> expected, TestDriveResult replay)
    {
        if (replay.Problem is { } problem) return $"de proefrit loopt niet meer: {problem}";
        var actual = replay.Lines;
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            if (i >= actual.Count) return $"regel {i + 1} ontbreekt: verwacht '{expected[i]}'";
            if (i >= expected.Count) return $"regel {i + 1} is nieuw: '{actual[i]}'";
            if (!string.Equals(expected[i], actual[i], StringComparison.Ordinal))
                return $"regel {i + 1} verschilt: verwacht '{expected[i]}', nu '{actual[i]}'";
        }
        return null;
    }
}
