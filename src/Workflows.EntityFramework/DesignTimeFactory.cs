using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteSetup.Configure(options, "Data Source=design-time.db");
        return new WorkflowDbContext(options.Options);
    }
}
