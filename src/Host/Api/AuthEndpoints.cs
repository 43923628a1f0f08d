using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.Platform.Audit;
using ProcessEngine.Platform.Identity;

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

    private static async Task<IResult> LoginAsync(LoginRequest request, SignInManager<AppUser> signIn, Auditor audit, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["Vul de gebruikersnaam in."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Vul het wachtwoord in."];
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "De invoer is niet geldig.");
        var address = http.Connection.RemoteIpAddress?.ToString();
        signIn.AuthenticationScheme = request.UseCookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName!, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await audit.RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Refused, Auditor.PurposeAccess,
                detail: result.IsLockedOut ? "geblokkeerd" : "onjuist", userName: Shorten(request.UserName!), sourceAddress: address);
            // One message for a wrong name and a wrong password, so that nobody can probe which accounts exist.
            return Results.Problem(result.IsLockedOut
                    ? "Te veel mislukte pogingen: dit account is tijdelijk geblokkeerd."
                    : "Gebruikersnaam of wachtwoord onjuist.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Aanmelden mislukt");
        }
        await audit.RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Success, Auditor.PurposeAccess,
            detail: request.UseCookies ? "cookie" : "token", userName: request.UserName, sourceAddress: address);
        // With a bearer token the sign-in has written the token response itself.
        return request.UseCookies ? Results.Ok(new { request.UserName }) : Results.Empty;
    }

    private static async Task<IResult> LogoutAsync(SignInManager<AppUser> signIn, Auditor audit, HttpContext http)
    {
        var user = CurrentUser.From(http);
        await signIn.SignOutAsync();
        await audit.RecordAsync(user, "auth.signout", AuditAction.Execute, AuditOutcome.Success, Auditor.PurposeAccess);
        return Results.NoContent();
    }

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64];
}
