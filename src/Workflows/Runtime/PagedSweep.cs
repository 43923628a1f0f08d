namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Works through what a store query finds, a page at a time, until a page is short or holds nothing new: what
/// stays behind (timers of faulted instances, signals whose delivery failed) waits for a later sweep instead of
/// being read again and again now.
/// </summary>
internal static class PagedSweep
{
    public const int PageSize = 200;

    /// <returns>How many items <paramref name="handle"/> reported as done.</returns>
    public static async Task<int> RunAsync<T>(Func<int, Task<IReadOnlyList<T>>> page, Func<T, Guid> id, Func<T, Task<bool>> handle)
    {
        var seen = new HashSet<Guid>();
        var done = 0;
        while (true)
        {
            var found = await page(PageSize);
            var fresh = found.Where(item => seen.Add(id(item))).ToList();
            foreach (var item in fresh)
                if (await handle(item)) done++;
            if (found.Count < PageSize || fresh.Count == 0) return done;
        }
    }
}
