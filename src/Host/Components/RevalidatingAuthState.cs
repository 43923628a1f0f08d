using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Components;

/// <summary>
/// A circuit can stay open for hours on the sign-in it started with. Each check interval it is held to the same
/// rules as a cookie or token (<see cref="SessionCheck"/>): the account exists and is not locked out, its security
/// stamp is unchanged (a new password, other roles or teams, a sign-out anywhere), and the session is within its
/// absolute limit. If not, the circuit becomes anonymous and the router sends the person to the sign-in page.
/// </summary>
internal sealed class RevalidatingAuthState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<SessionLimits> limits)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval =>
        limits.Value.CheckInterval > TimeSpan.FromSeconds(1) ? limits.Value.CheckInterval : TimeSpan.FromSeconds(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionCheck>().RefusalAsync(state.User) is null;
    }
}
