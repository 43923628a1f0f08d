using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Features.Auth;

/// <summary>
/// The second factor of one's own account, for API clients (the page /account/tweestapsverificatie does the same):
/// its status and key, turning it on, new recovery codes, turning it off where the role allows.
/// </summary>
public static class TwoFactorEndpoints
{
    public sealed record CodeRequest(string? Code);

    public sealed record RecoveryCodes(IReadOnlyList<string> Herstelcodes);

    public static void Map(RouteGroupBuilder auth)
    {
        var twoFactor = auth.MapGroup("/2fa");
        twoFactor.MapGet("", GetAsync).SignedIn()
            .WithSummary("Tweestapsverificatie van het eigen account: aan of uit, verplicht voor de rol, herstelcodes over; zolang die uit staat de sleutel voor de app.");
        twoFactor.MapPost("", EnableAsync).SignedIn()
            .WithSummary("Tweestapsverificatie aanzetten met de huidige code uit de app; geeft de herstelcodes (eenmalig). Andere sessies eindigen.");
        twoFactor.MapPost("/recovery-codes", NewCodesAsync).SignedIn()
            .WithSummary("Nieuwe herstelcodes (de oude vervallen), met de huidige code uit de app.");
        twoFactor.MapPost("/disable", DisableAsync).SignedIn()
            .WithSummary("Tweestapsverificatie uitzetten, met de huidige code; niet voor een rol die haar vraagt.");
    }

    private static async Task<Ok<TwoFactorStatus>> GetAsync(HttpContext http, UserManager<AppUser> users, TwoFactorSetup setup) =>
        TypedResults.Ok(await setup.StatusAsync(await AccountAsync(http, users)));

    private static async Task<Results<Ok<RecoveryCodes>, InvalidProblem>> EnableAsync(CodeRequest request, HttpContext http,
        UserManager<AppUser> users, TwoFactorSetup setup)
    {
        if (Missing(request) is { } missing) return missing;
        var codes = await setup.EnableAsync(await AccountAsync(http, users), CurrentUser.From(http), request.Code!);
        return codes is null ? WrongCode() : TypedResults.Ok(new RecoveryCodes(codes));
    }

    private static async Task<Results<Ok<RecoveryCodes>, InvalidProblem>> NewCodesAsync(CodeRequest request, HttpContext http,
        UserManager<AppUser> users, TwoFactorSetup setup)
    {
        if (Missing(request) is { } missing) return missing;
        var codes = await setup.NewRecoveryCodesAsync(await AccountAsync(http, users), CurrentUser.From(http), request.Code!);
        return codes is null ? WrongCode() : TypedResults.Ok(new RecoveryCodes(codes));
    }

    private static async Task<Results<NoContent, InvalidProblem, ConflictProblem>> DisableAsync(CodeRequest request, HttpContext http,
        UserManager<AppUser> users, TwoFactorSetup setup)
    {
        if (Missing(request) is { } missing) return missing;
        return await setup.DisableAsync(await AccountAsync(http, users), CurrentUser.From(http), request.Code!) switch
        {
            TwoFactorSetup.DisableResult.Disabled => TypedResults.NoContent(),
            TwoFactorSetup.DisableResult.Required => ConflictProblem.Of("Uw rol vraagt tweestapsverificatie: die blijft aan."),
            _ => WrongCode(),
        };
    }

    // The session was checked against the account moments ago (the session check); an account deleted since gives 401 there.
    private static async Task<AppUser> AccountAsync(HttpContext http, UserManager<AppUser> users) =>
        await users.GetUserAsync(http.User) ?? throw new InvalidOperationException("A signed-in session without its account.");

    private static InvalidProblem? Missing(CodeRequest request) => string.IsNullOrWhiteSpace(request.Code)
        ? InvalidProblem.Of(new Dictionary<string, string[]> { ["code"] = ["Vul de code uit de authenticator-app in."] })
        : null;

    private static InvalidProblem WrongCode() =>
        InvalidProblem.Of(new Dictionary<string, string[]> { ["code"] = ["Deze code klopt niet: neem de code die de app nu toont."] });
}
