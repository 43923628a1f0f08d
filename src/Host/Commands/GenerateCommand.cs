using System.Globalization;
using ProcessEngine.Synthetic;
using ProcessEngine.Host.Extensions;

namespace ProcessEngine.Host.Commands;

/// <summary>
/// `generate --trajecten N --years Y [--seed S]`: fills the configured database with synthetic
/// trajectories (see <see cref="TrajectGenerator"/>), for demos and for measuring the dashboard at
/// national scale. The database is prepared as the host prepares it (migrations, demo accounts, the
/// shipped flows) first; other arguments are configuration, as for the host
/// (e.g. <c>--ConnectionStrings:ProcessEngine="Data Source=data/groot.db"</c>).
/// </summary>
public static class GenerateCommand
{
    private const string Usage = "usage: generate --trajecten <N> [--years <Y>=5] [--seed <S>] [--ConnectionStrings:ProcessEngine=<connection string>]";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (!TryParse(args, out var options, out var configuration, out var problem))
        {
            output.WriteLine(problem);
            output.WriteLine(Usage);
            return 1;
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configuration, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddProcessEngine();
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        var bar = new ProgressBar(output);
        var report = await app.Services.GetRequiredService<TrajectGenerator>().GenerateAsync(options, bar);
        bar.Finish();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Trajecten:N0} trajecten in {report.Elapsed.TotalSeconds:F0} s ({report.Trajecten / Math.Max(0.001, report.Elapsed.TotalSeconds):F0}/s): " +
            $"{report.Open:N0} lopend, {report.Faulted:N0} met een incident, copies of {report.Shapes:N0} simulated trajecten."));
        return 0;
    }

    public static bool TryParse(string[] args, out GenerateOptions options, out string[] configuration, out string problem)
    {
        int? trajecten = null, years = 5, seed = 2026;
        var rest = new List<string>();
        options = new GenerateOptions(0, 0);
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--trajecten": trajecten = Number(args, ++i); break;
                case "--years": years = Number(args, ++i); break;
                case "--seed": seed = Number(args, ++i); break;
                default: rest.Add(args[i]); break;
            }
        }
        configuration = [.. rest];
        if (trajecten is not ( >= 1 and <= 10_000_000)) problem = "--trajecten must be a number from 1 to 10,000,000.";
        else if (years is not ( >= 1 and <= 20)) problem = "--years must be a number from 1 to 20.";
        else if (seed is null) problem = "--seed must be a number.";
        else options = new GenerateOptions(trajecten.Value, years.Value, seed.Value);
        return problem.Length == 0;

        static int? Number(string[] args, int i) => i < args.Length && int.TryParse(args[i], CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>One line that redraws itself: phase, bar, count.</summary>
    private sealed class ProgressBar(TextWriter output) : IProgress<GenerateProgress>
    {
        private readonly System.Diagnostics.Stopwatch _phase = System.Diagnostics.Stopwatch.StartNew();
        private string _last = "";
        private string _lastPhase = "";

        public void Report(GenerateProgress value)
        {
            if (value.Phase != _lastPhase)
            {
                if (_lastPhase.Length > 0) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {_phase.Elapsed.TotalSeconds:F1} s"));
                _lastPhase = value.Phase;
                _phase.Restart();
            }
            var filled = value.Total == 0 ? 0 : (int)(30L * value.Done / value.Total);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"\r{value.Phase,-10} [{new string('#', filled)}{new string(' ', 30 - filled)}] {value.Done:N0}/{value.Total:N0}");
            if (line == _last) return;
            _last = line;
            output.Write(line);
        }

        public void Finish() => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {_phase.Elapsed.TotalSeconds:F1} s"));
    }
}
