using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Features.Auth;

/// <summary>Sign-in for API clients (bearer token) and scripts (cookie), sign-out, and who am I.</summary>
public static class AuthEndpoints
{
    public sealed record LoginRequest(string? UserName, string? Password, bool UseCookies = false);

    /// <summary>The answer to a cookie sign-in (a token sign-in answers with the token response).</summary>
    public sealed record CookieSignIn(string? UserName);

    public sealed record Me(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Aanmelden");
        auth.MapPost("/login", LoginAsync).Anonymous()
            .WithSummary("Aanmelden met gebruikersnaam en wachtwoord: een bearer-token (standaard) of een cookie (useCookies).");
        auth.MapPost("/logout", LogoutAsync).SignedIn().WithSummary("Afmelden (cookie).");
        auth.MapGet("/me", GetMe).SignedIn().WithSummary("Wie ben ik: naam, rollen en groepen.");
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
            request.UseCookies ? "cookie" : "token", http.Connection.RemoteIpAddress?.ToString());
        if (refusal is { RetryAfter: { } wait })
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TooManyRequestsProblem.Of(refusal.Message);
        }
        if (refusal is not null) return UnauthorizedProblem.Of(refusal.Message, "Aanmelden mislukt");
        // With a bearer token the sign-in has written the token response itself.
        return request.UseCookies ? TypedResults.Ok(new CookieSignIn(request.UserName)) : TypedResults.Empty;
    }

    private static async Task<NoContent> LogoutAsync(PasswordSignIn signIn, HttpContext http)
    {
        await signIn.SignOutAsync(CurrentUser.From(http));
        return TypedResults.NoContent();
    }
}
