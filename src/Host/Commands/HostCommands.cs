using Microsoft.Extensions.Options;
using ProcessEngine.Rvt;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Host.Commands;

/// <summary>Command-line verbs of the host that work on files and need neither database nor web server.</summary>
public static class HostCommands
{
    /// <summary>Runs a known verb and returns its exit code; null when the arguments are for the web host.</summary>
    public static Task<int>? TryRun(string[] args, TextWriter output) => args[0] switch
    {
        "validate" => Task.FromResult(Validate(args[1..], output)),
        "schema" => Task.FromResult(Schema(output)),
        "audit" => AuditCommand.RunAsync(args[1..], output),
        "generate" => GenerateCommand.RunAsync(args[1..], output),
        "backup" => BackupCommand.RunAsync(args[1..], output),
        "restore" => RestoreCommand.RunAsync(args[1..], output),
        "account" => AccountCommand.RunAsync(args[1..], output),
        "doctor" => Doctor.DoctorCommand.RunAsync(args[1..], output),
        "test-flows" => TestFlows.TestFlowsCommand.RunAsync(args[1..], output),
        _ => null,
    };

    public static FlowCompiler CreateCompiler() =>
        new(Registry(), new JintExpressionEvaluator(Options.Create(new ExpressionOptions())));

    private static ActivityRegistry Registry() => new ActivityRegistry().AddRvtActivities();

    /// <summary>Prints every error of every flow file; exit code 0 when all are valid, 1 otherwise.</summary>
    public static int Validate(IReadOnlyList<string> paths, TextWriter output)
    {
        if (paths.Count == 0)
        {
            output.WriteLine("usage: validate <file-or-folder>...");
            return 1;
        }
        var compiler = CreateCompiler();
        var files = new List<string>();
        var failed = 0;
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) files.AddRange(Extensions.FlowFiles.In(path));
            else if (File.Exists(path)) files.Add(path);
            else { output.WriteLine($"{path}: no such file or folder"); failed++; }
        }
        foreach (var file in files)
        {
            var result = compiler.Compile(File.ReadAllText(file));
            if (result.IsValid) { output.WriteLine($"OK    {file} ({result.Model!.Id}: {result.Graph!.Nodes.Count} activities)"); continue; }
            failed++;
            output.WriteLine($"ERROR {file}");
            foreach (var error in result.Errors) output.WriteLine($"      {error.Path}: {error.Message}");
        }
        output.WriteLine($"{files.Count} flow file(s) checked, {failed} with errors");
        return failed == 0 && files.Count > 0 ? 0 : 1;
    }

    private static int Schema(TextWriter output)
    {
        output.WriteLine(FlowSchema.Generate(Registry()));
        return 0;
    }
}
