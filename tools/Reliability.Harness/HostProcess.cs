using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace ProcessEngine.Reliability;

/// <summary>
/// One real host process (`dotnet ProcessEngine.Host.dll`) on its own loopback port, configured only through
/// its environment, as an operator would run it. It can be killed the hard way (SIGKILL: no shutdown code
/// runs, as in a power cut or an OOM kill) and started again on the same database and port.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly OutputTail _output = new(200);
    private Process? _process;

    private HostProcess(string name, IReadOnlyDictionary<string, string> environment, Uri address)
    {
        Name = name;
        _environment = environment;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The host's build output, of the same configuration as this harness (baked in at build time).</summary>
    public static string HostDll { get; } = typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "HostDll").Value!;

    /// <summary>Starts a node on <paramref name="database"/> and returns once its /health answers Healthy.</summary>
    public static async Task<HostProcess> StartAsync(string name, HostDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Outside Production the host seeds the demo accounts the tests sign in with.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Accounts__CreateDemoAccounts"] = "true",
            // Fifty simulated people share three demo accounts and one address; the limits have tests of their own.
            ["SignIn__Limits__PerAddress"] = "100000",
            ["SignIn__Limits__PerUserName"] = "100000",
            ["Urls"] = address.ToString().TrimEnd('/'),
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__ProcessEngine"] = database.ConnectionString,
            // Due timers are picked up within a second, so a test waits for work, not for the poller.
            ["Timers__PollingInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var host = new HostProcess(name, environment, address);
        await host.LaunchAsync();
        return host;
    }

    /// <summary>SIGKILL on Linux (the whole process tree): nothing is flushed, nothing is shut down.</summary>
    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _output.Add($"--- {Name} killed ---");
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the same node again: same database, same port, same settings.</summary>
    public Task RestartAsync()
    {
        Kill();
        return LaunchAsync();
    }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string OutputTail() => _output.Text();

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
    }

    private async Task LaunchAsync()
    {
        if (!File.Exists(HostDll))
            throw new InvalidOperationException($"The host is not built at {HostDll}: build the solution first (scripts/test.sh does).");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { HostDll },
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Add("err: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitHealthyAsync(process);
    }

    private async Task WaitHealthyAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Host {Name} exited with code {process.ExitCode} while starting.\n{_output.Text()}");
            try
            {
                using var response = await http.GetAsync("/health");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK && last.Contains("\"Healthy\"", StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException e) { last = e.Message; }
            catch (TaskCanceledException) { last = "health check timed out"; }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Host {Name} was not healthy within {StartTimeout.TotalSeconds} s (last: {last}).\n{_output.Text()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
