using ProcessEngine.Host.Features.Audit;
using ProcessEngine.Host.Features.Auth;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Features.Diagnostics;
using ProcessEngine.Host.Features.Flows;
using ProcessEngine.Host.Features.Instances;
using ProcessEngine.Host.Features.Reports;
using ProcessEngine.Host.Features.Rvt;
using ProcessEngine.Host.Features.Tasks;

namespace ProcessEngine.Host.Api;

/// <summary>
/// The REST API under /api. Each feature (Host/Features/&lt;Feature&gt;) maps its own thin endpoints, which send
/// Mediator requests to the handlers beside them; the Blazor UI sends the same requests.
/// </summary>
public static class ApiEndpoints
{
    public static WebApplication MapProcessEngineApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithBodySizeLimit(BodySizeLimit.ApiBytes);
        AuthEndpoints.Map(api);
        FlowEndpoints.Map(api);
        Features.Migrations.MigrationEndpoints.Map(api);
        CasusEndpoints.Map(api);
        TaskEndpoints.Map(api);
        InstanceEndpoints.Map(api);
        FlowWaitingEndpoints.Map(api);
        ReportEndpoints.Map(api);
        AuditEndpoints.Map(api);
        RvtEndpoints.Map(api);
        DiagnosticsEndpoints.Map(api);
        Features.Waarnemingen.WaarnemingEndpoints.Map(api);
        Features.Inbox.InboxEndpoints.Map(api);
        return app;
    }
}
