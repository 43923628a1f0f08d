// Hangfire keeps its log provider in a static bound to the host that set it; hosts started side by side
// log through one another's disposed factories. One host at a time, as in Host.Tests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
