// Each test runs real host processes that use both cores; running two at once would measure the machine, not the host.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
