using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace ProcessEngine.Host.Api;

/// <summary>
/// A ProblemDetails answer with one fixed status that an endpoint's signature can name, so OpenAPI lists
/// the status (each concrete type is an <see cref="IEndpointMetadataProvider"/>). The body is written by
/// the framework's <see cref="ProblemHttpResult"/> through the host's problem details service, exactly as
/// <c>Results.Problem</c>/<c>Results.ValidationProblem</c> write it.
/// </summary>
public abstract class StatusProblem : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    private static readonly string[] ProblemContentTypes = ["application/problem+json"];
    private readonly ProblemHttpResult _problem;

    private protected StatusProblem(ProblemHttpResult problem) => _problem = problem;

    public ProblemDetails Value => _problem.ProblemDetails;
    object? IValueHttpResult.Value => _problem.ProblemDetails;
    public int? StatusCode => _problem.StatusCode;
    public string? ContentType => _problem.ContentType;

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    private protected static ProblemHttpResult Problem(string? detail, int status, string title) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    private protected static void Declare(EndpointBuilder builder, int status, Type type) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, type, ProblemContentTypes));
}

/// <summary>400: the input is not valid; "errors" names each invalid field.</summary>
public sealed class InvalidProblem : StatusProblem, IEndpointMetadataProvider
{
    private InvalidProblem(ProblemHttpResult problem) : base(problem) { }

    public static InvalidProblem Of(IReadOnlyDictionary<string, string>? errors, string? detail) =>
        Of((errors ?? new Dictionary<string, string>()).ToDictionary(e => e.Key, e => new[] { e.Value }), detail);

    public static InvalidProblem Of(IDictionary<string, string[]> errors, string? detail = null) =>
        new(TypedResults.Problem(new HttpValidationProblemDetails(errors) { Detail = detail, Title = "De invoer is niet geldig." }));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
}

/// <summary>401: signing in failed.</summary>
public sealed class UnauthorizedProblem : StatusProblem, IEndpointMetadataProvider
{
    private UnauthorizedProblem(ProblemHttpResult problem) : base(problem) { }

    public static UnauthorizedProblem Of(string? detail, string title) => new(Problem(detail, StatusCodes.Status401Unauthorized, title));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
}

/// <summary>429: a limit refused the request (too many sign-in attempts); the Retry-After header says when to try again.</summary>
public sealed class TooManyRequestsProblem : StatusProblem, IEndpointMetadataProvider
{
    private TooManyRequestsProblem(ProblemHttpResult problem) : base(problem) { }

    public static TooManyRequestsProblem Of(string? detail) => new(Problem(detail, StatusCodes.Status429TooManyRequests, "Te veel pogingen"));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status429TooManyRequests, typeof(ProblemDetails));
}

/// <summary>403 from the request itself (not the authorization middleware): not involved in the casus, not your task.</summary>
public sealed class ForbiddenProblem : StatusProblem, IEndpointMetadataProvider
{
    private ForbiddenProblem(ProblemHttpResult problem) : base(problem) { }

    public static ForbiddenProblem Of(string? detail) => new(Problem(detail, StatusCodes.Status403Forbidden, "Geen toegang"));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status403Forbidden, typeof(ProblemDetails));
}

/// <summary>404: what the route names does not exist (or is not part of what it names).</summary>
public sealed class NotFoundProblem : StatusProblem, IEndpointMetadataProvider
{
    private NotFoundProblem(ProblemHttpResult problem) : base(problem) { }

    public static NotFoundProblem Of(string? detail) => new(Problem(detail, StatusCodes.Status404NotFound, "Niet gevonden"));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status404NotFound, typeof(ProblemDetails));
}

/// <summary>409: someone else's change came first, or the state no longer allows it.</summary>
public sealed class ConflictProblem : StatusProblem, IEndpointMetadataProvider
{
    private ConflictProblem(ProblemHttpResult problem) : base(problem) { }

    /// <summary>The problem type of a paused traject, so a client tells "on hold" from "someone was first" without reading the text.</summary>
    public const string PausedType = "urn:processengine:problem:traject-paused";

    public static ConflictProblem Of(string? detail) => new(Problem(detail, StatusCodes.Status409Conflict, "Conflict"));

    public static ConflictProblem Paused(string? detail) =>
        new(TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Traject gepauzeerd (Stopknop)", type: PausedType));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status409Conflict, typeof(ProblemDetails));
}
