using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProcessEngine.Host.Security;

/// <summary>How many sign-in attempts are let through, per source address and per typed user name (SignIn:Limits).</summary>
public sealed class SignInLimits
{
    /// <summary>Attempts per address per window: room for an office behind one address, none for a password spray.</summary>
    public int PerAddress { get; set; } = 60;
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Attempts per user name per window, whoever sends them: guessing one account's password stays slow.</summary>
    public int PerUserName { get; set; } = 10;
    public TimeSpan UserNameWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Rate limits on signing in with a password, shared by the API and the sign-in page (both go through
/// <see cref="PasswordSignIn"/>): per source address and per user name (case-insensitive), sliding windows in this
/// process. An attempt refused here never reaches the password check.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perUserName;

    public SignInThrottle(IOptions<SignInLimits> options)
    {
        var limits = options.Value;
        _perAddress = Limiter(limits.PerAddress, limits.AddressWindow);
        _perUserName = Limiter(limits.PerUserName, limits.UserNameWindow);
    }

    /// <summary>
    /// Null when the attempt may go ahead; otherwise how long to wait before the next one. An address the account signed in
    /// from lately (<paramref name="familiar"/>, see <see cref="SmartLockout"/>) has a user-name limit of its own, so that
    /// strangers using up the name's attempts do not keep its holder out.
    /// </summary>
    public TimeSpan? Refuse(string? sourceAddress, string userName, bool familiar = false)
    {
        using var byAddress = _perAddress.AttemptAcquire(sourceAddress ?? "(onbekend adres)");
        if (!byAddress.IsAcquired) return RetryAfter(byAddress);
        var name = userName.Trim().ToUpperInvariant();
        using var byName = _perUserName.AttemptAcquire(familiar ? $"{name} @ {sourceAddress}" : name);
        return byName.IsAcquired ? null : RetryAfter(byName);
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _perAddress.Dispose();
        _perUserName.Dispose();
    }
}
