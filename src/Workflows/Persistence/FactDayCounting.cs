using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>Turns summed rollup rows (a name's total and its values of one dimension) into counts per value, "not set" included.</summary>
public static class FactDayCounting
{
    public static IReadOnlyList<FactCount> Combine(IEnumerable<(string Name, string Dimension, string Value, int Count)> rows, string dimension)
    {
        var counts = new List<FactCount>();
        foreach (var name in rows.GroupBy(r => r.Name))
        {
            var total = name.Where(r => r.Dimension == "").Sum(r => r.Count);
            var withValue = name.Where(r => r.Dimension == dimension && dimension != "").ToList();
            counts.AddRange(withValue.Select(r => new FactCount(name.Key, r.Value, r.Count)));
            var unset = total - withValue.Sum(r => r.Count);
            if (unset > 0) counts.Add(new FactCount(name.Key, null, unset));
        }
        return counts;
    }
}
