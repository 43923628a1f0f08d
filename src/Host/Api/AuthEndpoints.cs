using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Api;

/// <summary>Sign-in for API clients (bearer token) and scripts (cookie), sign-out, and who am I.</summary>
public static class AuthEndpoints
{
    public sealed record LoginRequest(string? UserName, string? Password, bool UseCookies = false);

    public sealed record Me(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Aanmelden");
        auth.MapPost("/login", LoginAsync).Anonymous()
            .WithSummary("Aanmelden met gebruikersnaam en wachtwoord: een bearer-token (standaard) of een cookie (useCookies).");
        auth.MapPost("/logout", LogoutAsync).SignedIn().WithSummary("Afmelden (cookie).");
        auth.MapGet("/me", (HttpContext http) =>
        {
            var user = CurrentUser.From(http);
            return Results.Ok(new Me(user.UserName, http.User.FindFirstValue(ClaimsFactory.DisplayNameClaim) ?? user.UserName, user.Roles, user.Groups));
        }).SignedIn().WithSummary("Wie ben ik: naam, rollen en groepen.");
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, PasswordSignIn signIn, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["Vul de gebruikersnaam in."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Vul het wachtwoord in."];
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "De invoer is niet geldig.");
        var refusal = await signIn.SignInAsync(request.UserName!, request.Password!,
            request.UseCookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme,
            request.UseCookies ? "cookie" : "token", http.Connection.RemoteIpAddress?.ToString());
        if (refusal is not null) return Results.Problem(refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Aanmelden mislukt");
        // With a bearer token the sign-in has written the token response itself.
        return request.UseCookies ? Results.Ok(new { request.UserName }) : Results.Empty;
    }

    private static async Task<IResult> LogoutAsync(PasswordSignIn signIn, HttpContext http)
    {
        await signIn.SignOutAsync(CurrentUser.From(http));
        return Results.NoContent();
    }
}
