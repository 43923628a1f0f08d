using ProcessEngine.Bench;

// One benchmark per first argument, so each can be run on its own from the same project.
return args.FirstOrDefault() switch
{
    "engine" => await EngineBenchmark.RunAsync(args[1..]),
    "dashboard" => await DashboardBenchmark.RunAsync(args[1..]),
    "load" => await LoadBenchmark.RunAsync(args[1..]),
    "migrate" => await MigrateBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ProcessEngine.Bench engine [--instances N] [--runs N] [--breakdown]");
    Console.Error.WriteLine("       ProcessEngine.Bench dashboard [--small N] [--large N]");
    Console.Error.WriteLine("       ProcessEngine.Bench load [--seconds N] [--users N]");
    Console.Error.WriteLine("       ProcessEngine.Bench migrate [--instances N] [--breakdown]");
    return 2;
}
