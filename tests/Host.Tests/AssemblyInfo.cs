// Hangfire keeps its log provider in a static, set by each host that starts and bound to that host's
// LoggerFactory; hosts started in parallel tests end up logging through one another's disposed
// factories. Host tests therefore run one at a time (the engine's own test project is unaffected:
// it wires Hangfire without the global configuration).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
