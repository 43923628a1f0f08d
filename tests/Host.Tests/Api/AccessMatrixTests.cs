using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Api;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// Every /api endpoint × every role (and anonymous) × involved / not involved → the expected status, and for every
/// refusal (401, 403) a refused line in the audit log.
/// The endpoints come from the host's own route table: an endpoint without an access rule, or without a
/// row here, fails the test, so nothing new can slip out unchecked.
/// </summary>
public sealed class AccessMatrixTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private const string Coordinator = "Coordinator", RvtChair = "RvtChair", RvtMember = "RvtMember", Professional = "Professional",
        Jeugdbeschermer = "Jeugdbeschermer", Ervaringsdeskundige = "Ervaringsdeskundige", Manager = "Manager", Admin = "Admin", Anonymous = "(anoniem)";

    private static readonly string[] AllRoles = [Coordinator, RvtChair, RvtMember, Professional, Jeugdbeschermer, Ervaringsdeskundige, Manager, Admin];
    private static readonly string[] FlowRoles = [Coordinator, Admin];
    private static readonly string[] CasusRoles = [Professional, Jeugdbeschermer, Ervaringsdeskundige, RvtChair, RvtMember];
    private static readonly string[] OperatorRoles = [Coordinator, Manager, Admin];
    private static readonly string[] ReportRoles = [Manager, RvtChair];

    /// <summary>Who plays a role in a cell, what they ask about, and whether they are involved in it.</summary>
    private sealed record Cell(string Role, bool Involved, string? User, string Casus, Guid Task, bool CasusAccessible, bool TaskAccessible);

    /// <summary>One row: the roles that may call it, whether involvement counts, and a request whose allowed answer is known.</summary>
    private sealed record Row(string[]? Roles, bool Involvement, Func<Cell, HttpRequestMessage> Request, Func<Cell, HttpStatusCode> Allowed,
        Func<Cell, bool>? Accessible = null);

    private Dictionary<string, Row> Rows()
    {
        var random = Guid.NewGuid();
        Row Flow(HttpMethod method, string url, HttpStatusCode allowed, object? body = null) =>
            new(FlowRoles, false, _ => Message(method, url, body), _ => allowed);
        Row Casus(HttpMethod method, string path, HttpStatusCode allowed, object? body = null) =>
            new(CasusRoles, true, c => Message(method, $"/api/casus/{c.Casus}{path}", body), _ => allowed, c => c.CasusAccessible);
        Row GiOnly(HttpMethod method, string path, HttpStatusCode allowed, object body) =>
            new([Jeugdbeschermer], true, c => Message(method, $"/api/casus/{c.Casus}{path}", body), _ => allowed, c => c.CasusAccessible);
        Row Task(HttpMethod method, string path, Func<Cell, HttpStatusCode> allowed, object? body = null, Func<Cell, bool>? accessible = null) =>
            new(CasusRoles, true, c => Message(method, $"/api/tasks/{c.Task}{path}", body), allowed, accessible ?? (c => c.TaskAccessible));
        return new()
        {
            ["POST /api/auth/login"] = new(null, false, _ => Message(HttpMethod.Post, "/api/auth/login", new { }), _ => HttpStatusCode.BadRequest),
            ["POST /api/auth/logout"] = new(AllRoles, false, _ => Message(HttpMethod.Post, "/api/auth/logout"), _ => HttpStatusCode.NoContent),
            ["GET /api/auth/me"] = new(AllRoles, false, _ => Message(HttpMethod.Get, "/api/auth/me"), _ => HttpStatusCode.OK),
            ["POST /api/auth/refresh"] = new(null, false, _ => Message(HttpMethod.Post, "/api/auth/refresh", new { }), _ => HttpStatusCode.BadRequest),
            ["GET /api/auth/2fa"] = new(AllRoles, false, _ => Message(HttpMethod.Get, "/api/auth/2fa"), _ => HttpStatusCode.OK),
            ["POST /api/auth/2fa"] = new(AllRoles, false, _ => Message(HttpMethod.Post, "/api/auth/2fa", new { }), _ => HttpStatusCode.BadRequest),
            ["POST /api/auth/2fa/recovery-codes"] = new(AllRoles, false, _ => Message(HttpMethod.Post, "/api/auth/2fa/recovery-codes", new { }), _ => HttpStatusCode.BadRequest),
            ["POST /api/auth/2fa/disable"] = new(AllRoles, false, _ => Message(HttpMethod.Post, "/api/auth/2fa/disable", new { }), _ => HttpStatusCode.BadRequest),

            ["GET /api/flows"] = Flow(HttpMethod.Get, "/api/flows", HttpStatusCode.OK),
            ["GET /api/flows/{id}"] = Flow(HttpMethod.Get, "/api/flows/rvt-traject", HttpStatusCode.OK),
            ["GET /api/flows/{id}/versions"] = Flow(HttpMethod.Get, "/api/flows/rvt-traject/versions", HttpStatusCode.OK),
            ["GET /api/flows/{id}/compare"] = Flow(HttpMethod.Get, "/api/flows/rvt-traject/compare?van=1&tot=1", HttpStatusCode.OK),
            ["GET /api/flows/{id}/export"] = Flow(HttpMethod.Get, "/api/flows/rvt-traject/export", HttpStatusCode.OK),
            ["PUT /api/flows/{id}/draft"] = Flow(HttpMethod.Put, "/api/flows/rvt-traject/draft", HttpStatusCode.BadRequest, ""),
            ["POST /api/flows/import"] = Flow(HttpMethod.Post, "/api/flows/import", HttpStatusCode.BadRequest, ""),
            ["POST /api/flows/{id}/publish-request"] = Flow(HttpMethod.Post, "/api/flows/bestaat-niet/publish-request", HttpStatusCode.NotFound),
            ["POST /api/flows/{id}/publish-request/approve"] = Flow(HttpMethod.Post, "/api/flows/bestaat-niet/publish-request/approve", HttpStatusCode.NotFound),
            ["POST /api/flows/{id}/publish-request/reject"] = Flow(HttpMethod.Post, "/api/flows/bestaat-niet/publish-request/reject", HttpStatusCode.NotFound,
                new { reason = "Nog niet af" }),
            ["POST /api/flows/{id}/test-drive"] = Flow(HttpMethod.Post, "/api/flows/rvt-maatregel/test-drive", HttpStatusCode.OK, new { start = "2027-02-01" }),
            ["PUT /api/flows/{id}/scenarios"] = Flow(HttpMethod.Put, "/api/flows/bestaat-niet/scenarios", HttpStatusCode.NotFound, new { name = "x", start = "2027-02-01" }),
            ["GET /api/flows/{id}/scenarios/check"] = Flow(HttpMethod.Get, "/api/flows/bestaat-niet/scenarios/check", HttpStatusCode.NotFound),
            ["GET /api/activity-descriptors"] = Flow(HttpMethod.Get, "/api/activity-descriptors", HttpStatusCode.OK),

            ["POST /api/trajecten"] = new([Professional], false, _ => Message(HttpMethod.Post, "/api/trajecten", new { }), _ => HttpStatusCode.BadRequest),
            ["GET /api/casus/{code}"] = Casus(HttpMethod.Get, "", HttpStatusCode.OK),
            ["GET /api/casus/{code}/timeline"] = Casus(HttpMethod.Get, "/timeline", HttpStatusCode.OK),
            ["POST /api/casus/{code}/stopknop"] = Casus(HttpMethod.Post, "/stopknop", HttpStatusCode.BadRequest, new { reden = "" }),
            // The world's casus on the table has no advies yet: whoever may see the casus hears so.
            ["GET /api/casus/{code}/advies"] = Casus(HttpMethod.Get, "/advies", HttpStatusCode.NotFound),
            ["GET /api/casus/{code}/veiligheidskaart"] = Casus(HttpMethod.Get, "/veiligheidskaart", HttpStatusCode.OK),
            ["GET /api/casus/{code}/veiligheidskaart/versions"] = Casus(HttpMethod.Get, "/veiligheidskaart/versions", HttpStatusCode.OK),
            ["GET /api/casus/{code}/veiligheidskaart/compare"] = Casus(HttpMethod.Get, "/veiligheidskaart/compare?van=1&tot=1", HttpStatusCode.OK),
            ["PUT /api/casus/{code}/veiligheidskaart"] = Casus(HttpMethod.Put, "/veiligheidskaart", HttpStatusCode.BadRequest, new { }),
            // Only the GI's jeugdbeschermer registers, extends or ends a maatregel: every other role, the inbrenger included, is refused.
            ["POST /api/casus/{code}/maatregelen"] = GiOnly(HttpMethod.Post, "/maatregelen", HttpStatusCode.BadRequest, new { }),
            // Any involved professional may ask the GI to register a beschikking; asking again returns the open request.
            ["POST /api/casus/{code}/maatregelen/verzoek-gi"] = Casus(HttpMethod.Post, "/maatregelen/verzoek-gi", HttpStatusCode.OK),
            ["POST /api/casus/{code}/maatregelen/{id:guid}/machtigingen"] =
                GiOnly(HttpMethod.Post, $"/maatregelen/{random}/machtigingen", HttpStatusCode.NotFound, new { }),
            ["POST /api/casus/{code}/maatregelen/{id:guid}/end"] = GiOnly(HttpMethod.Post, $"/maatregelen/{random}/end", HttpStatusCode.NotFound, new { reden = "x" }),
            ["GET /api/casus/{code}/tafelvragen"] = Casus(HttpMethod.Get, "/tafelvragen", HttpStatusCode.OK),
            // The people at the table put questions: the chair, the members and the ervaringsdeskundigen (each involved by the table).
            ["POST /api/casus/{code}/tafelvragen"] = new([RvtChair, RvtMember, Ervaringsdeskundige], true,
                c => Message(HttpMethod.Post, $"/api/casus/{c.Casus}/tafelvragen", new { }), _ => HttpStatusCode.BadRequest, c => c.CasusAccessible),
            ["POST /api/casus/{code}/netwerk"] = Casus(HttpMethod.Post, "/netwerk", HttpStatusCode.BadRequest, new { }),
            ["DELETE /api/casus/{code}/netwerk/{id:guid}"] = Casus(HttpMethod.Delete, $"/netwerk/{random}", HttpStatusCode.NotFound),

            ["GET /api/rvt/agenda"] = new([RvtChair, RvtMember, Ervaringsdeskundige], false, _ => Message(HttpMethod.Get, "/api/rvt/agenda"), _ => HttpStatusCode.OK),

            ["GET /api/tasks/mine"] = new(CasusRoles, false, _ => Message(HttpMethod.Get, "/api/tasks/mine"), _ => HttpStatusCode.OK),
            ["GET /api/tasks/team"] = new(CasusRoles, false, _ => Message(HttpMethod.Get, "/api/tasks/team"), _ => HttpStatusCode.OK),
            ["GET /api/tasks/waarneming"] = new(CasusRoles, false, _ => Message(HttpMethod.Get, "/api/tasks/waarneming"), _ => HttpStatusCode.OK),
            ["GET /api/tasks/{id:guid}"] = Task(HttpMethod.Get, "", _ => HttpStatusCode.OK),
            // prof1 holds the preparation task already (claiming it again changes nothing); the chair claims the team's triage.
            ["POST /api/tasks/{id:guid}/claim"] = Task(HttpMethod.Post, "/claim", _ => HttpStatusCode.OK),
            // A task assigned straight to prof1 has no group to go back to; the chair's claimed triage goes back to the chairs.
            ["POST /api/tasks/{id:guid}/release"] = Task(HttpMethod.Post, "/release", c => c.Role == Professional ? HttpStatusCode.BadRequest : HttpStatusCode.OK),
            ["POST /api/tasks/{id:guid}/complete"] = Task(HttpMethod.Post, "/complete", _ => HttpStatusCode.BadRequest, new { outcome = "" }),
            // The chair divides the work and may hand on any task; others only the one they hold.
            ["POST /api/tasks/{id:guid}/reassign"] = Task(HttpMethod.Post, "/reassign", _ => HttpStatusCode.BadRequest, new { assignee = "" },
                c => c.Role == RvtChair || (c.Role == Professional && c.Involved)),
            // Only the holder (or the casus's duo partner) slows a task; the chair's triage was given back to the chairs by then.
            ["POST /api/tasks/{id:guid}/vertragen"] = Task(HttpMethod.Post, "/vertragen", _ => HttpStatusCode.BadRequest, new { },
                c => c.Role == Professional && c.Involved),
            // Follow-up date and priority are the holder's own planning: only prof1 holds a task here (the chair's triage went back to the chairs).
            ["PUT /api/tasks/{id:guid}/follow-up"] = Task(HttpMethod.Put, "/follow-up", _ => HttpStatusCode.OK, new { priority = "Normal" },
                c => c.Role == Professional && c.Involved),
            // Saved inbox views are each person's own; someone else's id (or none) is not found.
            ["GET /api/inbox/views"] = new(CasusRoles, false, _ => Message(HttpMethod.Get, "/api/inbox/views"), _ => HttpStatusCode.OK),
            ["POST /api/inbox/views"] = new(CasusRoles, false, _ => Message(HttpMethod.Post, "/api/inbox/views", new { }), _ => HttpStatusCode.BadRequest),
            ["DELETE /api/inbox/views/{id:guid}"] = new(CasusRoles, false, _ => Message(HttpMethod.Delete, $"/api/inbox/views/{random}"),
                _ => HttpStatusCode.NotFound),

            ["GET /api/flows/{id}/migrations/sources"] = Flow(HttpMethod.Get, "/api/flows/rvt-traject/migrations/sources", HttpStatusCode.OK),
            ["POST /api/flows/{id}/migrations/check"] = Flow(HttpMethod.Post, "/api/flows/rvt-traject/migrations/check", HttpStatusCode.BadRequest, new { }),
            ["POST /api/flows/{id}/migrations/preview"] = Flow(HttpMethod.Post, "/api/flows/rvt-traject/migrations/preview", HttpStatusCode.BadRequest, new { }),
            ["POST /api/flows/{id}/migrations/preview.csv"] = Flow(HttpMethod.Post, "/api/flows/rvt-traject/migrations/preview.csv", HttpStatusCode.BadRequest, new { }),
            ["POST /api/flows/{id}/migrations"] = Flow(HttpMethod.Post, "/api/flows/rvt-traject/migrations", HttpStatusCode.BadRequest, new { }),
            ["GET /api/flows/{id}/migrations"] = Flow(HttpMethod.Get, "/api/flows/rvt-traject/migrations", HttpStatusCode.OK),
            ["GET /api/migrations/{runId:guid}"] = Flow(HttpMethod.Get, $"/api/migrations/{random}", HttpStatusCode.NotFound),
            ["POST /api/migrations/{runId:guid}/pause"] = Flow(HttpMethod.Post, $"/api/migrations/{random}/pause", HttpStatusCode.NotFound),
            ["POST /api/migrations/{runId:guid}/resume"] = Flow(HttpMethod.Post, $"/api/migrations/{random}/resume", HttpStatusCode.NotFound),
            ["POST /api/migrations/{runId:guid}/cancel"] = Flow(HttpMethod.Post, $"/api/migrations/{random}/cancel", HttpStatusCode.NotFound),
            ["POST /api/instances/{id:guid}/repair/preview"] = new(OperatorRoles, false, _ => Message(HttpMethod.Post, $"/api/instances/{random}/repair/preview",
                new { kind = "CancelStep", activityId = "x" }), _ => HttpStatusCode.NotFound),
            ["POST /api/instances/{id:guid}/repair"] = new(OperatorRoles, false, _ => Message(HttpMethod.Post, $"/api/instances/{random}/repair",
                new { kind = "CancelStep", activityId = "x", reason = "test" }), _ => HttpStatusCode.NotFound),
            ["GET /api/flows/{id}/waiting"] = new(OperatorRoles, false, _ => Message(HttpMethod.Get, "/api/flows/rvt-aanmelding/waiting"), _ => HttpStatusCode.OK),
            ["GET /api/flows/{id}/waiting/{activityId}"] = new(OperatorRoles, false, _ => Message(HttpMethod.Get, "/api/flows/rvt-aanmelding/waiting/triage"),
                _ => HttpStatusCode.OK),
            ["GET /api/instances/{id:guid}"] = new(OperatorRoles, false, _ => Message(HttpMethod.Get, $"/api/instances/{world.OnTableInstance}"), _ => HttpStatusCode.OK),
            ["POST /api/instances/{id:guid}/cancel"] = new(OperatorRoles, false, _ => Message(HttpMethod.Post, $"/api/instances/{random}/cancel"), _ => HttpStatusCode.NotFound),
            ["POST /api/instances/{id:guid}/retry"] = new(OperatorRoles, false, _ => Message(HttpMethod.Post, $"/api/instances/{random}/retry"), _ => HttpStatusCode.NotFound),
            ["POST /api/instances/retry"] = new(OperatorRoles, false, _ => Message(HttpMethod.Post, "/api/instances/retry", new { instanties = new[] { random } }),
                _ => HttpStatusCode.OK),
            ["GET /api/reports/overdue/summary"] = new(ReportRoles, false, _ => Message(HttpMethod.Get, "/api/reports/overdue/summary"), _ => HttpStatusCode.OK),
            ["GET /api/reports/counts"] = new(ReportRoles, false, _ => Message(HttpMethod.Get, "/api/reports/counts"), _ => HttpStatusCode.OK),
            ["GET /api/reports/lead-times"] = new(ReportRoles, false, _ => Message(HttpMethod.Get, "/api/reports/lead-times?maanden=6"), _ => HttpStatusCode.OK),
            ["GET /api/reports/half-year-figures"] = new(ReportRoles, false, _ => Message(HttpMethod.Get, "/api/reports/half-year-figures?jaar=2026"), _ => HttpStatusCode.OK),
            ["GET /api/reports/half-year-figures.csv"] = new(ReportRoles, false, _ => Message(HttpMethod.Get, "/api/reports/half-year-figures.csv?jaar=2026"), _ => HttpStatusCode.OK),
            ["GET /api/reports/overdue"] = new(ReportRoles, false, _ => Message(HttpMethod.Get, "/api/reports/overdue"), _ => HttpStatusCode.OK),
            ["GET /api/reports/stuck"] = new(ReportRoles, false, _ => Message(HttpMethod.Get, "/api/reports/stuck?dagen=1"), _ => HttpStatusCode.OK),
            ["GET /api/reports/incidents"] = new(OperatorRoles, false, _ => Message(HttpMethod.Get, "/api/reports/incidents"), _ => HttpStatusCode.OK),
            // Stand-in periods: one's own (the chair: anyone's); an empty one is refused by field, an unknown one is not found.
            ["GET /api/waarnemingen"] = new(CasusRoles, false, _ => Message(HttpMethod.Get, "/api/waarnemingen"), _ => HttpStatusCode.OK),
            ["POST /api/waarnemingen"] = new(CasusRoles, false, _ => Message(HttpMethod.Post, "/api/waarnemingen", new { }), _ => HttpStatusCode.BadRequest),
            ["POST /api/waarnemingen/{id:guid}/end"] = new(CasusRoles, false, _ => Message(HttpMethod.Post, $"/api/waarnemingen/{random}/end"),
                _ => HttpStatusCode.NotFound),
            ["GET /api/audit"] = new([Admin], false, _ => Message(HttpMethod.Get, "/api/audit"), _ => HttpStatusCode.OK),
            ["GET /api/diagnostics/database-work"] = new([Admin], false, _ => Message(HttpMethod.Get, "/api/diagnostics/database-work"),
                _ => HttpStatusCode.OK),
        };
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEveryRole_AsItsAccessRuleSays()
    {
        await world.Host.Service<MaatregelService>().RegisterAsync(world.OnTable,
            new MaatregelRegistratie(MaatregelType.Voogdij, new DateOnly(2026, 1, 5), null, Jeugdbeschermer: "jeugdbeschermer"), "jeugdbeschermer");
        var rows = Rows();
        var endpoints = world.Host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Key: $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}", Endpoint: e)))
            .ToList();
        var failures = new List<string>();
        foreach (var (key, endpoint) in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<AccessRule>() is null) failures.Add($"{key}: no AccessRule metadata");
            if (!rows.ContainsKey(key)) failures.Add($"{key}: no row in the access matrix");
        }
        foreach (var stale in rows.Keys.Except(endpoints.Select(e => e.Key))) failures.Add($"{stale}: row for an endpoint that does not exist");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var cells = 0;
        foreach (var (key, row) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            foreach (var role in AllRoles.Prepend(Anonymous))
                foreach (var involved in new[] { true, false })
                {
                    var cell = CellFor(role, involved);
                    var expected = row.Roles is null ? row.Allowed(cell)
                        : role == Anonymous ? HttpStatusCode.Unauthorized
                        : !row.Roles.Contains(role) ? HttpStatusCode.Forbidden
                        : row.Involvement && !(row.Accessible ?? (_ => true))(cell) ? HttpStatusCode.Forbidden
                        : row.Allowed(cell);
                    using var request = row.Request(cell);
                    if (cell.User is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await world.Host.TokenAsync(cell.User));
                    using var client = world.Host.Anonymous();
                    var before = await LastAuditLineAsync();
                    var response = await client.SendAsync(request);
                    cells++;
                    if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && !await RefusalAuditedAfterAsync(before))
                        failures.Add($"{key} as {role} ({(involved ? "betrokken" : "niet betrokken")}): refused with {(int)response.StatusCode} but no refused audit line");
                    if (response.StatusCode != expected)
                        failures.Add($"{key} as {role} ({(involved ? "betrokken" : "niet betrokken")}, {cell.User}): expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{key} as {role}: {(int)response.StatusCode} without ProblemDetails");
                }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells wrong:\n" + string.Join("\n", failures));
        Assert.True(cells >= rows.Count * 14);
    }

    private async Task<long> LastAuditLineAsync() =>
        (await world.Host.Factory.Services.GetRequiredService<AuditLog>().LastAsync())?.Sequence ?? 0;

    /// <summary>Every refusal leaves a line, whether a handler or the authorization middleware answered it.</summary>
    private async Task<bool> RefusalAuditedAfterAsync(long before)
    {
        var lines = await world.Host.Factory.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(Take: 20));
        return lines.Any(l => l.Sequence > before && l.Outcome == AuditOutcome.Refused);
    }

    private Cell CellFor(string role, bool involved) => role switch
    {
        Anonymous => new(role, involved, null, world.OnTable, world.ProfTask, false, false),
        Professional => new(role, involved, involved ? "prof1" : "prof2", world.OnTable, world.ProfTask, involved, involved),
        // A member sees what is on the table; the other casus waits for triage.
        RvtMember => new(role, involved, "rvtlid", involved ? world.OnTable : world.NotOnTable, world.ChairTask, involved, false),
        // An ervaringsdeskundige takes part in the table: involved in what is on it, like a member; no task is theirs.
        Ervaringsdeskundige => new(role, involved, "ervaringsdeskundige", involved ? world.OnTable : world.NotOnTable, world.ChairTask, involved, false),
        // The chair triages every casus, so sees them all; tasks are the chair's only when they are the chairs' group's.
        RvtChair => new(role, involved, "voorzitter", world.OnTable, involved ? world.ChairTask : world.ProfTask, true, involved),
        // The GI's jeugdbeschermer is named on a maatregel of the one casus (see the test's start), not of the other; no task is theirs.
        Jeugdbeschermer => new(role, involved, "jeugdbeschermer", involved ? world.OnTable : world.NotOnTable, world.ProfTask, involved, false),
        _ => new(role, involved, role switch { Coordinator => "coordinator", Manager => "manager", _ => "beheerder" }, world.OnTable, world.ProfTask, false, false),
    };

    private static HttpRequestMessage Message(HttpMethod method, string url, object? body = null) => new(method, url)
    {
        Content = body switch
        {
            null => null,
            string text => new StringContent(text, System.Text.Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        },
    };
}
