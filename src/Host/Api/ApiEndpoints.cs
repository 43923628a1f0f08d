using ProcessEngine.Host.Api.Casus;
using ProcessEngine.Host.Api.Flows;
using ProcessEngine.Host.Api.Operations;
using ProcessEngine.Host.Api.Rvt;
using ProcessEngine.Host.Api.Tasks;

namespace ProcessEngine.Host.Api;

/// <summary>The REST API under /api: thin endpoints that send Mediator requests to the application layer.</summary>
public static class ApiEndpoints
{
    public static WebApplication MapProcessEngineApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        AuthEndpoints.Map(api);
        FlowEndpoints.Map(api);
        CasusEndpoints.Map(api);
        TaskEndpoints.Map(api);
        OperationsEndpoints.Map(api);
        RvtEndpoints.Map(api);
        return app;
    }
}
