namespace ProcessEngine.Bench;

/// <summary>How many resume steps were timed and how long they took in total.</summary>
internal sealed record StepsResult(long Steps, TimeSpan Elapsed)
{
    public double PerSecond => Steps / Elapsed.TotalSeconds;
}
