using System.Diagnostics;
using Microsoft.Extensions.Options;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Tests.Security;

/// <summary>
/// Attacks on the engine's time through what a flow may write: a deadline of a million werkdagen (counted day by day),
/// and a regular expression that backtracks catastrophically (one statement, which the expression time limit cannot
/// interrupt). Each is refused with a fixed text that names the limit and no value of the instance.
/// </summary>
public sealed class ExpressionLimitAttackTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    // 2^40 ways to split these a's over (a+)+ before the '!' says no: hours of backtracking without a limit.
    private static readonly string EvilInput = new string('a', 40) + "!";

    private readonly JintExpressionEvaluator _evaluator = new(Options.Create(new ExpressionOptions()));

    [Theory]
    [InlineData("999999 werkdagen")]
    [InlineData("2601 werkdagen")]
    [InlineData("99999999999 werkdagen")]
    public void A_flow_duration_of_more_werkdagen_than_the_limit_is_refused_naming_the_limit(string text)
    {
        Assert.False(FlowDuration.TryParse(text, out _, out var error));

        Assert.Contains("more than 2600 werkdagen (about ten years)", error);
        Assert.True(FlowDuration.CountsTooManyWerkdagen(text));
    }

    [Fact]
    public void The_limit_itself_is_a_valid_duration_and_is_counted_quickly()
    {
        var duration = FlowDuration.Parse($"{DutchCalendar.MaxWerkdagen} werkdagen");
        var watch = Stopwatch.StartNew();

        var due = duration.AddTo(Now);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        // Some 255 werkdagen a year: the limit lands about ten years on.
        Assert.InRange(due.Year, 2036, 2037);
        Assert.False(FlowDuration.CountsTooManyWerkdagen("10 werkdagen"));
    }

    [Fact]
    public void The_calendar_refuses_to_walk_more_werkdagen_than_the_limit()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => DutchCalendar.AddWerkdagen(new DateOnly(2026, 12, 7), 999_999));

        Assert.Contains("At most 2600 werkdagen", refused.Message);
    }

    [Theory]
    [InlineData("dates.add(now, '999999 werkdagen')")]
    [InlineData("dates.add(now, input.aantal + ' werkdagen')")]
    public void An_expression_counting_too_many_werkdagen_fails_fast_naming_the_limit_not_the_value(string source)
    {
        var expression = _evaluator.Compile(source);
        var watch = Stopwatch.StartNew();

        var failed = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, Scope(new() { ["aantal"] = 987654 })));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal("dates: a duration counts more than 2600 werkdagen (about ten years), the most a flow may count", failed.Message);
        Assert.DoesNotContain("987654", failed.Message);
    }

    [Fact]
    public void A_catastrophically_backtracking_regular_expression_fails_within_its_limit_with_a_fixed_text()
    {
        var expression = _evaluator.Compile("/(a+)+$/.test(input.tekst) ? 'ja' : 'nee'");
        var watch = Stopwatch.StartNew();

        var failed = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, Scope(new() { ["tekst"] = EvilInput })));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Equal("expression '/(a+)+$/.test(input.tekst) ? 'ja' : 'nee'' failed: a regular expression in it ran longer than its time limit",
            failed.Message);
        Assert.DoesNotContain("aaaa", failed.Message);
    }

    [Fact]
    public void A_regular_expression_built_at_run_time_and_caught_in_a_loop_is_still_stopped()
    {
        // The script catches each timeout and tries again: the statement limit and the time limit still end it.
        var expression = _evaluator.Compile(
            "(function () { var r = new RegExp('(a+)+$'); for (var i = 0; i < 1000; i++) { try { r.test(input.tekst); } catch (e) { } } return 'klaar'; })()");
        var watch = Stopwatch.StartNew();

        Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, Scope(new() { ["tekst"] = EvilInput })));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    private static ExpressionScope Scope(Dictionary<string, object?> input) => new(new Dictionary<string, object?>(), input, Now, null);
}
