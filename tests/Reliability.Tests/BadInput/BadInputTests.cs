using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProcessEngine.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace ProcessEngine.Reliability.Tests.BadInput;

/// <summary>
/// Issue 8, item 4: at least 10,000 generated malformed requests across the API, as callers who may and may
/// not call each endpoint and anonymously: no 5xx, the process still alive and healthy, and the engine and
/// domain tables byte for byte what they were (see <see cref="TableChecksum"/> for what is left out and why).
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    private const int Requests = 10_000;
    /// <summary>Fixed, so the same requests go out on every run; a failure names the request's number.</summary>
    private const int Seed = 20_261_124;
    private const int Concurrency = 8;

    [Fact]
    public async Task TenThousandMalformedRequests_NoServerError_HostAlive_DatabaseUnchanged()
    {
        await using var database = HostDatabase.NewSqlite("bad-input");
        await using var cluster = await Cluster.StartAsync(database);
        var node = cluster.Nodes[0];
        var known = await RegisterIntakeAsync(node);
        var callers = new Dictionary<string, HttpClient> { ["anonymous"] = ApiUser.Anonymous(node) };
        var users = new List<ApiUser>();
        foreach (var name in BadRequestGenerator.Callers.Skip(1))
        {
            users.Add(await ApiUser.SignInAsync(node, name));
            callers[name] = users[^1].Http;
        }
        var before = await TableChecksum.ComputeAsync(database.SqlitePath!);

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var generator = new BadRequestGenerator(known, Seed).Generate(Requests).GetEnumerator();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (Next(generator) is { } request)
            {
                var status = await SendAsync(callers[request.Caller], request, failures);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        })));
        output.WriteLine($"{Requests} requests in {clock.Elapsed.TotalSeconds:F1} s; statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));

        Assert.True(failures.IsEmpty, $"{failures.Count} requests failed; the first:\n{string.Join("\n", failures.Take(10))}\n{cluster.OutputTails()}");
        Assert.Equal(Requests, statuses.Values.Sum());
        Assert.True(node.IsRunning, "the host died\n" + node.OutputTail());
        using (var health = await callers["anonymous"].GetAsync("/health"))
            Assert.True(health.IsSuccessStatusCode, $"the host is not healthy after the requests: {(int)health.StatusCode}");
        var after = await TableChecksum.ComputeAsync(database.SqlitePath!);
        var changed = before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).ToList();
        Assert.True(changed.Count == 0, "tables changed: " + string.Join("; ", changed.Select(t => $"{t}: {before.GetValueOrDefault(t)} -> {after.GetValueOrDefault(t)}")));
        output.WriteLine($"checksum of {after.Count} tables unchanged: " + string.Join(", ", after.Select(t => $"{t.Key} {t.Value}")));
        foreach (var user in users) user.Dispose();
    }

    /// <summary>Real rows to aim at: an aanmelding by prof1 gives a casus and the chair's triage task.</summary>
    private static async Task<KnownIds> RegisterIntakeAsync(HostProcess node)
    {
        using var prof1 = await ApiUser.SignInAsync(node, "prof1");
        using var chair = await ApiUser.SignInAsync(node, "voorzitter");
        using var created = await prof1.Http.PostAsJsonAsync("/api/trajecten", new
        {
            organisatie = "CJG", hulpvraag = "Zorgen om de veiligheid thuis; het gezin vraagt zelf om hulp.",
            huishouden = "GezinMetKinderen", onveiligheid = "Structureel", gezinWeetVanAanmelding = true,
        });
        Assert.True(created.IsSuccessStatusCode, $"aanmelding: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("casusCode").GetString()!;
        var team = JsonDocument.Parse(await chair.Http.GetStringAsync($"/api/tasks/team?casus={code}")).RootElement;
        return new KnownIds(code, team.EnumerateArray().First().GetProperty("id").GetGuid(), "rvt-traject");
    }

    private static BadRequest? Next(IEnumerator<BadRequest> generator)
    {
        lock (generator) return generator.MoveNext() ? generator.Current : null;
    }

    /// <summary>Sends one request; a 5xx or a failed call is recorded with the request, so it can be replayed.</summary>
    private static async Task<int> SendAsync(HttpClient client, BadRequest request, ConcurrentQueue<string> failures)
    {
        try
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
                if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            // Every request is built to be refused: a write that is accepted is as wrong as a crash.
            if (status is >= 200 and < 300 && request.Method != "GET")
                failures.Enqueue($"{status} (accepted) for {request}\n  answer: {Truncate(await response.Content.ReadAsStringAsync())}");
            if (status >= 500) failures.Enqueue($"{status} for {request}\n  answer: {Truncate(await response.Content.ReadAsStringAsync())}");
            return status;
        }
        catch (Exception e)
        {
            failures.Enqueue($"{e.GetType().Name} ({e.Message}) for {request}");
            return 0;
        }
    }

    private static string Truncate(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
