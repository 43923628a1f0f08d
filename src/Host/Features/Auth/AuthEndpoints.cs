using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Features.Auth;

/// <summary>Sign-in for API clients (bearer token) and scripts (cookie), sign-out, and who am I.</summary>
public static class AuthEndpoints
{
    /// <summary>With a second factor on: <paramref name="TwoFactorCode"/> (the app's code now) or <paramref name="TwoFactorRecoveryCode"/>.</summary>
    public sealed record LoginRequest(string? UserName, string? Password, bool UseCookies = false, string? TwoFactorCode = null,
        string? TwoFactorRecoveryCode = null);

    /// <summary>The answer to a cookie sign-in (a token sign-in answers with the token response).</summary>
    public sealed record CookieSignIn(string? UserName);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record Me(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Aanmelden");
        auth.MapPost("/login", LoginAsync).Anonymous()
            .WithSummary("Aanmelden met gebruikersnaam en wachtwoord: een bearer-token (standaard) of een cookie (useCookies).");
        // The new token pair is written by the bearer handler's sign-in, which carries no response type of its own.
        auth.MapPost("/refresh", RefreshAsync).Anonymous()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)
            .WithSummary("Een nieuw bearer-token (kort geldig) met het refresh-token van de aanmelding, zolang de sessie mag duren.");
        auth.MapPost("/logout", LogoutAsync).SignedIn().WithSummary("Afmelden (cookie).");
        auth.MapGet("/me", GetMe).SignedIn().WithSummary("Wie ben ik: naam, rollen en groepen.");
        TwoFactorEndpoints.Map(auth);
    }

    private static Ok<Me> GetMe(HttpContext http)
    {
        var user = CurrentUser.From(http);
        return TypedResults.Ok(new Me(user.UserName, http.User.FindFirstValue(ClaimsFactory.DisplayNameClaim) ?? user.UserName, user.Roles, user.Groups));
    }

    private static async Task<Results<Ok<CookieSignIn>, EmptyHttpResult, InvalidProblem, UnauthorizedProblem, TooManyRequestsProblem>> LoginAsync(
        LoginRequest request, PasswordSignIn signIn, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["Vul de gebruikersnaam in."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Vul het wachtwoord in."];
        if (errors.Count > 0) return InvalidProblem.Of(errors);
        var refusal = await signIn.SignInAsync(request.UserName!, request.Password!,
            request.UseCookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme,
            request.UseCookies ? "cookie" : "token", http.Connection.RemoteIpAddress?.ToString(),
            new SecondFactor(request.TwoFactorCode, request.TwoFactorRecoveryCode));
        if (refusal is { RetryAfter: { } wait })
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TooManyRequestsProblem.Of(refusal.Message);
        }
        if (refusal is { SecondFactorNeeded: true }) return UnauthorizedProblem.Of(refusal.Message + " (twoFactorCode of twoFactorRecoveryCode)", "Tweede stap nodig");
        if (refusal is not null) return UnauthorizedProblem.Of(refusal.Message, "Aanmelden mislukt");
        // With a bearer token the sign-in has written the token response itself.
        return request.UseCookies ? TypedResults.Ok(new CookieSignIn(request.UserName)) : TypedResults.Empty;
    }

    private static async Task<Results<SignInHttpResult, InvalidProblem, UnauthorizedProblem>> RefreshAsync(
        RefreshRequest request, TokenRefresh refresh, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            return InvalidProblem.Of(new Dictionary<string, string[]> { ["refreshToken"] = ["Geef het refresh-token van de aanmelding mee."] });
        return await refresh.ContinueAsync(request.RefreshToken, http.Connection.RemoteIpAddress?.ToString()) is { } principal
            ? TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
            : UnauthorizedProblem.Of("Deze sessie is beëindigd; meld u opnieuw aan.", "Sessie beëindigd");
    }

    private static async Task<NoContent> LogoutAsync(PasswordSignIn signIn, HttpContext http)
    {
        await signIn.SignOutAsync(CurrentUser.From(http));
        return TypedResults.NoContent();
    }
}
