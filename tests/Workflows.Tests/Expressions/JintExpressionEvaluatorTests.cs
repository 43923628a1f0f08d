using Microsoft.Extensions.Options;
using ProcessEngine.Workflows.Expressions;

namespace ProcessEngine.Workflows.Tests.Expressions;

public sealed class JintExpressionEvaluatorTests
{
    private readonly JintExpressionEvaluator _evaluator = new(Options.Create(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(200) }));
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private object? Run(string source, Dictionary<string, object?>? variables = null) =>
        _evaluator.Evaluate(_evaluator.Compile(source), new ExpressionScope(variables ?? [], new Dictionary<string, object?> { ["acuut"] = true }, Now, "C-9"));

    [Fact]
    public void Evaluate_SeesVariablesInputClockAndCorrelation_WhenTheyAreGiven()
    {
        Assert.Equal(3L, Run("variables.a + 1", new() { ["a"] = 2L }));
        Assert.Equal(true, Run("input.acuut"));
        Assert.Equal("C-9", Run("correlationId"));
        Assert.Equal(2026L, Run("now.getUTCFullYear()"));
        Assert.Equal("2026-03-02T09:00:00.0000000+00:00", Run("now"));
    }

    [Fact]
    public void Evaluate_ReturnsJsonShapedValues_WhenResultIsObjectOrList()
    {
        var result = Assert.IsType<Dictionary<string, object?>>(Run("({ route: 'netwerkberaad', weken: [2, 4] })"));
        Assert.Equal("netwerkberaad", result["route"]);
        Assert.Equal([2L, 4L], Assert.IsType<List<object?>>(result["weken"]));
    }

    [Fact]
    public void Evaluate_IsStopped_WhenItRunsPastTheTimeLimit()
    {
        var unlimitedStatements = new JintExpressionEvaluator(Options.Create(new ExpressionOptions
        {
            Timeout = TimeSpan.FromMilliseconds(200),
            MaxStatements = int.MaxValue,
        }));
        var endless = unlimitedStatements.Compile("while (true) { }");
        var error = Assert.Throws<ExpressionException>(() => unlimitedStatements.Evaluate(endless, new ExpressionScope(new Dictionary<string, object?>(), new Dictionary<string, object?>(), Now, null)));
        Assert.Contains("than the time limit", error.Message);
    }

    [Fact]
    public void Evaluate_IsStopped_WhenItRunsTooManyStatements()
    {
        var error = Assert.Throws<ExpressionException>(() => Run("while (true) { }"));
        Assert.Contains("more statements than allowed", error.Message);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("clr.System.Environment.Exit(1)")]
    public void Evaluate_RefusesClrAccess_WhenScriptReachesForDotNet(string source)
    {
        var error = Assert.Throws<ExpressionException>(() => Run(source));
        Assert.Contains("is not defined", error.Message);
    }

    [Fact]
    public void Evaluate_IsStopped_WhenItAllocatesTooMuch()
    {
        var error = Assert.Throws<ExpressionException>(() => Run("let a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }"));
        Assert.Matches("memory|statements|time limit", error.Message);
    }

    [Fact]
    public void Compile_Throws_WhenSyntaxIsWrong()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Compile("variables.( + 1"));
        Assert.Contains("does not compile", error.Message);
    }

    [Fact]
    public void Dates_CountInAmsterdamTime_SoThatDeadlinesNeedNoMillisecondArithmetic()
    {
        // Ten weeks before 1 March 2027 is 21 December 2026, 00:00 in Amsterdam (UTC+1).
        Assert.Equal("2026-12-20T23:00:00.0000000+00:00", Run("dates.subtract('2027-03-01', 'P10W')"));
        // Three months after 1 April (summer time) is 1 July, 00:00 in Amsterdam (UTC+2).
        Assert.Equal("2026-06-30T22:00:00.0000000+00:00", Run("dates.add('2026-04-01', 'P3M')"));
        // 5 werkdagen from Friday 27 March 2026, 09:00 local (winter time): Friday 3 April, 09:00 local (summer time).
        Assert.Equal("2026-04-03T07:00:00.0000000+00:00", Run("dates.add('2026-03-27T08:00:00Z', '5 werkdagen')"));
        Assert.Equal("2026-03-02", Run("dates.today()"));
        Assert.Equal("2026-10-26", Run("dates.date('2026-10-25T23:30:00Z')"));
    }

    [Theory]
    [InlineData("dates.add('gisteren', 'P1D')", "dates.add: an argument is not a valid moment or duration")]
    [InlineData("dates.add('2026-01-01', 'drie weken')", "dates.add:")]
    [InlineData("dates.subtract('2026-01-01', '2 werkdagen')", "dates.subtract:")]
    public void Dates_ExplainWhatIsWrong_WhenGivenSomethingElse(string source, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Run(source));
        Assert.Contains(message, error.Message);
        // The argument came from the instance's data: the message names the function, not the value.
        Assert.DoesNotContain("gisteren", error.Message);
    }
}
