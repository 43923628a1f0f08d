using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Microsoft.Extensions.Options;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Expressions;

/// <summary>
/// JavaScript expressions through Jint, as Elsa does. Each evaluation gets a fresh engine with no CLR
/// access (AllowClr is never called, so no .NET namespace or type is reachable), a wall-clock timeout,
/// a memory and a statement limit. Values cross the boundary as JSON, never as wrapped .NET objects.
/// </summary>
public sealed class JintExpressionEvaluator(IOptions<ExpressionOptions> options) : IExpressionEvaluator
{
    private readonly ExpressionOptions _limits = options.Value;

    public CompiledExpression Compile(string source)
    {
        if (string.IsNullOrWhiteSpace(source)) throw new ExpressionException("the expression is empty");
        try
        {
            return new CompiledExpression(source, Engine.PrepareScript(source, strict: true));
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw new ExpressionException($"the expression does not compile: {ex.Message}", ex);
        }
    }

    public object? Evaluate(CompiledExpression expression, in ExpressionScope scope)
    {
        var engine = CreateEngine();
        var json = new JsonParser(engine);
        engine.SetValue("variables", json.Parse(VariableValues.Serialize(scope.Variables)));
        engine.SetValue("input", json.Parse(VariableValues.Serialize(scope.Input)));
        engine.SetValue("correlationId", scope.CorrelationId is null ? JsValue.Null : new JsString(scope.CorrelationId));
        engine.SetValue("now", engine.Construct("Date", scope.Now.ToUnixTimeMilliseconds()));
        DateFunctions.Install(engine, scope.Now);
        try
        {
            var prepared = (Prepared<Script>)expression.Prepared;
            return ToValue(engine.Evaluate(prepared));
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw new ExpressionException($"expression '{Shorten(expression.Source)}' failed: {Explain(ex, expression.Source)}", ex);
        }
    }

    private Engine CreateEngine() => new(o =>
    {
        o.Strict()
            .TimeoutInterval(_limits.Timeout)
            .LimitMemory(_limits.MemoryLimitBytes)
            .MaxStatements(_limits.MaxStatements)
            .LimitRecursion(_limits.MaxRecursionDepth);
        // Jint's own default is ten seconds per match, and the prepared script leaves the choice to this engine (Jint 4.18).
        o.Constraints.RegexTimeout = _limits.RegexTimeout;
    });

    private static object? ToValue(JsValue value) => value switch
    {
        _ when value.IsNull() || value.IsUndefined() => null,
        _ when value.IsDate() => VariableValues.Normalize(value.AsDate().ToDateTime()),
        _ => VariableValues.Normalize(value.ToObject()),
    };

    private static readonly System.Text.RegularExpressions.Regex UndefinedName = new(@"^([A-Za-z_$][A-Za-z0-9_$]{0,63}) is not defined$");

    private static string Explain(Exception ex, string source) => ex switch
    {
        // Its message and properties hold the text the pattern ran on: only that a match took too long is said.
        System.Text.RegularExpressions.RegexMatchTimeoutException => "a regular expression in it ran longer than its time limit",
        TimeoutException => "it ran longer than the time limit",
        // Jint's limit exceptions are matched by name: their types are not part of its documented surface.
        _ when ex.GetType().Name.Contains("Memory", StringComparison.Ordinal) => "it used more memory than allowed",
        _ when ex.GetType().Name.Contains("Statements", StringComparison.Ordinal) => "it ran more statements than allowed",
        // What a script throws, and a runtime error's text, may quote the variables: only the error's kind is kept.
        // "x is not defined" names an identifier; kept only when that identifier is in the source (a script could throw
        // its own error with such a text), so it is the flow author's text, never a value.
        JavaScriptException undefined when UndefinedName.Match(undefined.Message) is { Success: true } match
            && source.Contains(match.Groups[1].Value, StringComparison.Ordinal) => undefined.Message,
        // The name too only when it is a standard one: a script can give its error any name.
        JavaScriptException thrown when thrown.Error.IsObject() && thrown.Error.AsObject().Get("name").ToString() is var name
            && StandardErrors.Contains(name) => $"it threw a JavaScript {name} (its message is not stored, as it may hold casus data)",
        JavaScriptException => "it threw a value (not stored, as it may hold casus data)",
        _ => $"it failed with {ex.GetType().Name}",
    };

    private static readonly HashSet<string> StandardErrors =
        ["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError"];

    private static string Shorten(string source) => source.Length <= 80 ? source : source[..77] + "...";
}
