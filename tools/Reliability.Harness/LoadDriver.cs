using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ProcessEngine.Reliability;

public sealed record LoadOptions(int Users, TimeSpan Duration, int Seed = 8);

/// <summary>What the simulated users did: completions, lost races (409, expected), errors (anything else), latency.</summary>
public sealed record LoadResult(int Completions, int Conflicts, int Errors, int Requests, double P95Ms, TimeSpan Elapsed,
    IReadOnlyList<string> ErrorSamples, IReadOnlyDictionary<string, double> P95MsByCall)
{
    public double CompletionsPerSecond => Completions / Elapsed.TotalSeconds;
}

/// <summary>
/// Simulated professionals, each with a session of their own: sign in, read the inbox (mine and the team's),
/// claim a team task and complete it, again until the time is up. Each finishes only what it claimed itself. A 409 (someone else claimed or completed it
/// first) is the normal outcome of a race and is counted apart; every other status, and every failed call, is
/// an error. Used by the reliability test (short) and by the `load` benchmark (60 s).
/// </summary>
public static class LoadDriver
{
    /// <summary>The demo accounts of role Professional: the group every reliability task is for.</summary>
    public static readonly IReadOnlyList<string> Professionals = ["prof1", "prof2", "raad"];

    public static async Task<LoadResult> RunAsync(Cluster cluster, LoadOptions options, CancellationToken ct = default)
    {
        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + options.Duration;
        var users = Enumerable.Range(0, options.Users).Select(i => Task.Run(() => SimulateAsync(i, cluster.NodeFor(i), options.Seed, tally,
            () => clock.Elapsed >= deadline || ct.IsCancellationRequested), ct));
        await Task.WhenAll(users);
        var elapsed = clock.Elapsed;
        var all = tally.Latencies.Values.SelectMany(l => l).ToArray();
        var byCall = tally.Latencies.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => P95(c.Value.ToArray()));
        return new LoadResult(tally.Completions, tally.Conflicts, tally.Errors, all.Length, P95(all), elapsed, [.. tally.ErrorSamples.Take(20)], byCall);
    }

    private static double P95(double[] latencies)
    {
        Array.Sort(latencies);
        return latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(latencies.Length * 0.95) - 1)];
    }

    private static async Task SimulateAsync(int index, HostProcess node, int seed, Tally tally, Func<bool> stop)
    {
        var random = new Random(seed * 1_000 + index);
        ApiUser user;
        var signingIn = Stopwatch.StartNew();
        try { user = await ApiUser.SignInAsync(node, Professionals[index % Professionals.Count]); }
        catch (Exception e) { tally.Error($"user {index} sign-in: {e.Message}"); return; }
        tally.Time("sign-in", signingIn.Elapsed);
        using (user)
        {
            while (!stop())
            {
                // Both lists are read, as the inbox shows them; then any team task is claimed and completed. Not the first of
                // "mine": some seventeen simulated people share each of the three demo accounts, and all of them would go for
                // the same task, a stampede on one row no team of real people makes.
                var mine = await CallAsync(tally, user, HttpMethod.Get, "/api/tasks/mine?take=20");
                var team = await CallAsync(tally, user, HttpMethod.Get, "/api/tasks/team?take=100");
                if (mine is null || team is null) continue;
                var id = PickAny(Ids(team), random);
                if (id is null) { await Task.Delay(100); continue; }
                if (await CallAsync(tally, user, HttpMethod.Post, $"/api/tasks/{id}/claim") is null) continue;
                if (await CallAsync(tally, user, HttpMethod.Post, $"/api/tasks/{id}/complete", """{"outcome":"Klaar"}""") is not null)
                    Interlocked.Increment(ref tally.Completions);
            }
        }
    }

    /// <summary>One timed call; the body on 2xx, null on a lost race (409) or an error (counted).</summary>
    private static async Task<string?> CallAsync(Tally tally, ApiUser user, HttpMethod method, string path, string? json = null)
    {
        var started = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            using var response = await user.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            tally.Time(CallName(path), started.Elapsed);
            if (response.IsSuccessStatusCode) return body;
            if (response.StatusCode == HttpStatusCode.Conflict) { Interlocked.Increment(ref tally.Conflicts); return null; }
            tally.Error($"{user.UserName} {method} {path}: {(int)response.StatusCode} {Truncate(body)}");
            return null;
        }
        catch (Exception e)
        {
            tally.Error($"{user.UserName} {method} {path}: {e.GetType().Name} {e.Message}");
            return null;
        }
    }

    /// <summary>"mine", "team", "claim" or "complete": the last part of the path without its query.</summary>
    private static string CallName(string path) => path.Split('?')[0].Split('/')[^1];

    private static List<string> Ids(string tasksJson)
    {
        using var document = JsonDocument.Parse(tasksJson);
        return [.. document.RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];
    }

    private static string? PickAny(List<string> ids, Random random) => ids.Count == 0 ? null : ids[random.Next(ids.Count)];

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed class Tally
    {
        public int Completions;
        public int Conflicts;
        public int Errors;
        public readonly ConcurrentDictionary<string, ConcurrentBag<double>> Latencies = new(StringComparer.Ordinal);
        public readonly ConcurrentQueue<string> ErrorSamples = new();

        public void Time(string call, TimeSpan elapsed) => Latencies.GetOrAdd(call, _ => []).Add(elapsed.TotalMilliseconds);

        public void Error(string what)
        {
            Interlocked.Increment(ref Errors);
            if (ErrorSamples.Count < 50) ErrorSamples.Enqueue(what);
        }
    }
}
