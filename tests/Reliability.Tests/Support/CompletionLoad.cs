using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ProcessEngine.Reliability.Tests.Support;

/// <summary>
/// Completes tasks through the API of every node of a cluster, paced, and keeps going while nodes are killed and
/// started again: a request that fails because its node is down (no answer, a reset, a 5xx) puts its task back in the
/// queue for any worker, so the load carries on on the other node or after the restart. A task counts as settled by a
/// 2xx (acknowledged) or a 409 (an earlier attempt committed and the kill swallowed its answer); any other answer is an
/// error the test reports. Workers sign in (prof1 and prof2 on each node) and sign in again when a session is gone.
/// </summary>
public sealed class CompletionLoad : IAsyncDisposable
{
    private readonly Cluster _cluster;
    private readonly TimeSpan _interval;
    private readonly ConcurrentQueue<Guid> _queue;
    private readonly ApiUser?[] _users;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _paceGate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Task> _workers;
    private TimeSpan _nextSlot;
    private int _unsettled;
    private int _inFlight;
    private int _unanswered;

    private CompletionLoad(Cluster cluster, IReadOnlyCollection<Guid> tasks, double perSecond, int workers)
    {
        _cluster = cluster;
        _interval = TimeSpan.FromSeconds(1 / perSecond);
        _queue = new ConcurrentQueue<Guid>(tasks);
        _unsettled = tasks.Count;
        _users = new ApiUser?[workers];
        _workers = [.. Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w)))];
    }

    public static CompletionLoad Start(Cluster cluster, IReadOnlyCollection<Guid> tasks, double perSecond, int workers) =>
        new(cluster, tasks, perSecond, workers);

    /// <summary>Tasks answered 2xx.</summary>
    public ConcurrentBag<Guid> Acknowledged { get; } = [];

    /// <summary>Answers that are neither success, nor a lost answer, nor a node being down: each fails the test.</summary>
    public ConcurrentBag<string> Errors { get; } = [];

    /// <summary>Requests sent and not answered yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests that got no answer (their node died under them, or was not up yet).</summary>
    public int Unanswered => Volatile.Read(ref _unanswered);

    /// <summary>Tasks still queued or in flight.</summary>
    public int Unsettled => Volatile.Read(ref _unsettled);

    /// <summary>Until every task is settled, or <paramref name="patience"/> runs out (then false).</summary>
    public async Task<bool> DrainAsync(TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (Unsettled > 0)
        {
            if (clock.Elapsed > patience) return false;
            await Task.Delay(100);
        }
        return true;
    }

    private async Task WorkAsync(int worker)
    {
        var node = _cluster.NodeFor(worker);
        var userName = worker / _cluster.Nodes.Count % 2 == 0 ? "prof1" : "prof2";
        while (!_stop.IsCancellationRequested && Unsettled > 0)
        {
            if (!node.IsRunning || !_queue.TryDequeue(out var id))
            {
                await Pause(200);
                continue;
            }
            await PaceAsync();
            switch (await TryCompleteAsync(worker, node, userName, id))
            {
                case HttpStatusCode code when (int)code is >= 200 and < 300:
                    Acknowledged.Add(id);
                    Interlocked.Decrement(ref _unsettled);
                    break;
                case HttpStatusCode.Conflict:
                    Interlocked.Decrement(ref _unsettled);
                    break;
                case null or HttpStatusCode.Unauthorized or >= HttpStatusCode.InternalServerError:
                    _queue.Enqueue(id);
                    await Pause(200);
                    break;
                case var other:
                    Errors.Add($"completing {id} on {node.Name}: {(int)other}");
                    Interlocked.Decrement(ref _unsettled);
                    break;
            }
        }
    }

    /// <summary>The answer's status, or null when the node gave none (killed under the request, or not up yet).</summary>
    private async Task<HttpStatusCode?> TryCompleteAsync(int worker, HostProcess node, string userName, Guid id)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            var user = _users[worker] ??= await ApiUser.SignInAsync(node, userName);
            using var response = await user.Http.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = ReliabilityFlows.Done }, _stop.Token);
            if (response.StatusCode == HttpStatusCode.Unauthorized) ForgetUser(worker);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !_stop.IsCancellationRequested)
        {
            // Connection refused or reset, or a sign-in that a starting node refused: whether it committed, the counts tell.
            // The session itself survives a restart (its keys are in the database), so the user stays signed in.
            Interlocked.Increment(ref _unanswered);
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void ForgetUser(int worker) => Interlocked.Exchange(ref _users[worker], null)?.Dispose();

    /// <summary>
    /// One slot per interval for all workers together, never saved up: after a node was down the load goes on at its pace
    /// instead of catching up in a burst, so it is still running at the next kill.
    /// </summary>
    private Task PaceAsync()
    {
        TimeSpan wait;
        lock (_paceGate)
        {
            var now = _clock.Elapsed;
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + _interval;
            wait = slot - now;
        }
        return wait > TimeSpan.Zero ? Pause((int)wait.TotalMilliseconds) : Task.CompletedTask;
    }

    private async Task Pause(int milliseconds)
    {
        try
        {
            await Task.Delay(milliseconds, _stop.Token);
        }
        catch (TaskCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        for (var i = 0; i < _users.Length; i++) ForgetUser(i);
        _stop.Dispose();
    }
}
