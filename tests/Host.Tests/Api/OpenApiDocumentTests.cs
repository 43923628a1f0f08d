using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Api;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// The OpenAPI document is honest about failures: every /api operation lists each error status it can answer —
/// 401/403 from the authorization middleware, 400 for input, 404 for what a route names, 409 for a lost race, 413 for a
/// body above its limit.
/// Who may call an endpoint comes from the host's own route table (its <see cref="AccessRule"/>), so a new
/// endpoint is checked without a row here.
/// </summary>
public sealed partial class OpenApiDocumentTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>Endpoints that change something someone else may have changed first, or whose state may have moved on.</summary>
    private static readonly HashSet<string> CanLoseARace =
    [
        "POST /api/tasks/{id}/claim", "POST /api/tasks/{id}/release", "POST /api/tasks/{id}/complete", "POST /api/tasks/{id}/reassign",
        "POST /api/tasks/{id}/vertragen",
        "POST /api/instances/{id}/cancel", "POST /api/instances/{id}/retry",
        "POST /api/casus/{code}/stopknop", "PUT /api/casus/{code}/veiligheidskaart", "POST /api/casus/{code}/maatregelen/{id}/end",
        "POST /api/casus/{code}/maatregelen/{id}/machtigingen",
        "POST /api/casus/{code}/netwerk", "POST /api/casus/{code}/tafelvragen",
    ];

    /// <summary>Route ids that are not looked up: a draft may be saved under a new id.</summary>
    private static readonly HashSet<string> RouteIdNotLookedUp = ["PUT /api/flows/{id}/draft"];

    [Fact]
    public async Task EveryApiOperation_ListsTheErrorStatusesItCanAnswer()
    {
        var operations = await OperationsAsync();
        var rules = AccessRules();
        Assert.NotEmpty(operations);

        var missing = new List<string>();
        foreach (var (key, operation) in operations)
        {
            var statuses = Statuses(operation);
            var expected = new SortedSet<int>();
            if (!rules.TryGetValue(key, out var rule))
            {
                missing.Add($"{key}: no endpoint with an AccessRule in the route table");
                continue;
            }
            if (rule.Policy is not null) expected.Add(StatusCodes.Status401Unauthorized);
            if (rule.Policy is { Length: > 0 }) expected.Add(StatusCodes.Status403Forbidden);
            if (rule.Involvement) expected.Add(StatusCodes.Status403Forbidden);
            var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            if (operation.TryGetProperty("requestBody", out _) || parameters.Any(x => x.GetProperty("in").GetString() == "query"))
                expected.Add(StatusCodes.Status400BadRequest);
            // Every /api body has a size limit (BodySizeLimit): above it, 413.
            if (operation.TryGetProperty("requestBody", out _)) expected.Add(StatusCodes.Status413PayloadTooLarge);
            if (parameters.Any(x => x.GetProperty("in").GetString() == "path") && !RouteIdNotLookedUp.Contains(key))
                expected.Add(StatusCodes.Status404NotFound);
            if (CanLoseARace.Contains(key)) expected.Add(StatusCodes.Status409Conflict);
            if (!statuses.Any(s => s is >= 200 and < 300)) missing.Add($"{key}: no success status (lists {string.Join(", ", statuses)})");

            var absent = expected.Where(s => !statuses.Contains(s)).ToList();
            if (absent.Count > 0) missing.Add($"{key}: missing {string.Join(", ", absent)} (lists {string.Join(", ", statuses)})");
        }
        foreach (var stale in CanLoseARace.Concat(RouteIdNotLookedUp).Except(operations.Keys)) missing.Add($"{stale}: listed here but not in the document");

        Assert.True(missing.Count == 0, $"{missing.Count} operation(s) in /openapi/v1.json do not list every status they can answer:\n"
            + string.Join("\n", missing));
    }

    [Fact]
    public async Task EveryRouteTableEndpoint_IsInTheDocument()
    {
        var operations = await OperationsAsync();

        var absent = AccessRules().Keys.Except(operations.Keys).Order().ToList();

        Assert.True(absent.Count == 0, "Endpoints missing from /openapi/v1.json:\n" + string.Join("\n", absent));
    }

    [Theory]
    [InlineData("POST /api/tasks/{id}/complete", new[] { 200, 400, 401, 403, 404, 409, 413 })]
    [InlineData("GET /api/tasks/{id}", new[] { 200, 401, 403, 404 })]
    [InlineData("POST /api/auth/login", new[] { 200, 400, 401, 413, 429 })]
    [InlineData("GET /api/auth/me", new[] { 200, 401 })]
    [InlineData("POST /api/trajecten", new[] { 201, 400, 401, 403, 413 })]
    [InlineData("POST /api/casus/{code}/maatregelen", new[] { 201, 400, 401, 403, 404, 409, 413 })]
    [InlineData("PUT /api/casus/{code}/veiligheidskaart", new[] { 201, 400, 401, 403, 404, 409, 413 })]
    [InlineData("POST /api/flows/import", new[] { 201, 400, 401, 403, 413 })]
    [InlineData("POST /api/flows/{id}/publish-request", new[] { 200, 400, 401, 403, 404, 409 })]
    [InlineData("POST /api/flows/{id}/publish-request/approve", new[] { 200, 400, 401, 403, 404, 409 })]
    [InlineData("POST /api/flows/{id}/publish-request/reject", new[] { 200, 400, 401, 403, 404, 409, 413 })]
    [InlineData("POST /api/instances/{id}/cancel", new[] { 200, 400, 401, 403, 404, 409, 413 })]
    [InlineData("GET /api/reports/counts", new[] { 200, 401, 403 })]
    public async Task Operation_ListsExactlyItsStatuses(string key, int[] statuses)
    {
        var operations = await OperationsAsync();

        Assert.True(operations.ContainsKey(key), $"{key} is not in the document");
        Assert.Equal(statuses, Statuses(operations[key]));
    }

    [Fact]
    public async Task ErrorResponses_AreProblemDetails_AndA400NamesItsFields()
    {
        var responses = (await OperationsAsync())["POST /api/tasks/{id}/complete"].GetProperty("responses");

        foreach (var status in new[] { "400", "401", "403", "404", "409" })
            Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _),
                $"{status} is not application/problem+json");
        var invalid = responses.GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetRawText();
        var conflict = responses.GetProperty("409").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetRawText();
        Assert.Contains("HttpValidationProblemDetails", invalid);
        Assert.Contains("ProblemDetails", conflict);
        Assert.DoesNotContain("HttpValidationProblemDetails", conflict);
    }

    /// <summary>Every operation under /api/ by "METHOD /path" (route constraints dropped, no trailing slash).</summary>
    private async Task<Dictionary<string, JsonElement>> OperationsAsync()
    {
        using var client = host.Anonymous();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        var operations = new Dictionary<string, JsonElement>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)))
                operations[$"{operation.Name.ToUpperInvariant()} {Normalize(path.Name)}"] = operation.Value;
        return operations;
    }

    private Dictionary<string, AccessRule> AccessRules() =>
        host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<AccessRule>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (Key: $"{m} {Normalize(e.RoutePattern.RawText!)}", Rule: e.Metadata.GetMetadata<AccessRule>()!)))
            .ToDictionary(e => e.Key, e => e.Rule);

    private static List<int> Statuses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).Order()];

    private static string Normalize(string path) => RouteConstraint().Replace(path, "}").TrimEnd('/');

    [GeneratedRegex(":[^}]*}")]
    private static partial Regex RouteConstraint();
}
