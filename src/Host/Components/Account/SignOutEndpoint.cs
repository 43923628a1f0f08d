using Microsoft.AspNetCore.Antiforgery;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Components.Account;

/// <summary>
/// POST /afmelden from the app bar's form. It checks the form's antiforgery token itself, so a link or a
/// form on another site cannot sign anyone out.
/// </summary>
public static class SignOutEndpoint
{
    public const string Path = "/afmelden";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, SignOutAsync).RequireAuthorization().ExcludeFromDescription();

    private static async Task<IResult> SignOutAsync(HttpContext http, PasswordSignIn signIn, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("Afmelden kon niet worden bevestigd. Laad de pagina opnieuw en probeer het nog eens.",
                statusCode: StatusCodes.Status400BadRequest, title: "Ongeldig verzoek");
        await signIn.SignOutAsync(CurrentUser.From(http));
        return Results.LocalRedirect("/aanmelden?afgemeld=true");
    }
}
