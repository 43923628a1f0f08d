using Microsoft.AspNetCore.Components.Authorization;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Components;

/// <summary>
/// Who is using the UI, as the application layer's requests need it (one per circuit, or per request while
/// prerendering). Built from the circuit's authentication state, so a revalidation that signs someone out
/// reaches the next request they make.
/// </summary>
public sealed class UiUser(AuthenticationStateProvider authentication)
{
    /// <summary>Set by <c>Routes</c> from the first request; the audit log records it.</summary>
    public string? SourceAddress { get; set; }

    public async Task<CurrentUser> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return CurrentUser.From(state.User, SourceAddress);
    }
}
