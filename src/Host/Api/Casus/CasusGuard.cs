using ProcessEngine.Host.Access;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Api.Casus;

/// <summary>
/// The door to every casus request: is this person involved? A refusal is audited (who tried to see a
/// casus they are not on is exactly what an audit must show); an allowed request is audited by the
/// handler once it knows the outcome.
/// </summary>
public sealed class CasusGuard(CasusAccess access, Auditor audit)
{
    public async Task<(CasusAccessResult Access, Outcome<T>? Refusal)> EnterAsync<T>(CurrentUser user, string code, string eventCode, string action,
        CancellationToken ct)
    {
        var result = await access.CheckAsync(user, code, ct);
        switch (result)
        {
            case CasusAccessResult.NotFound:
                return (result, Outcome<T>.NotFound($"Casus {code} bestaat niet."));
            case CasusAccessResult.Denied:
                await audit.RefusedAsync(user, eventCode, action, code, ct);
                return (result, Outcome<T>.Forbidden("U bent niet betrokken bij deze casus."));
            default:
                return (result, null);
        }
    }
}
