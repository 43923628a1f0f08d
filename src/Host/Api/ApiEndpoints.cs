namespace ProcessEngine.Host.Api;

/// <summary>The REST API under /api: thin endpoints that send Mediator requests to the application layer.</summary>
public static class ApiEndpoints
{
    public static WebApplication MapProcessEngineApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        AuthEndpoints.Map(api);
        return app;
    }
}
