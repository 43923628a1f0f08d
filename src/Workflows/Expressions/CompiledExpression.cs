namespace ProcessEngine.Workflows.Expressions;

/// <summary>An expression checked and parsed once, when its flow version is compiled; evaluated many times.</summary>
public sealed class CompiledExpression(string source, object prepared)
{
    public string Source { get; } = source;
    /// <summary>The evaluator's own parsed form; opaque to everything else.</summary>
    internal object Prepared { get; } = prepared;
}

/// <summary>What an expression can see: the instance's variables, its start input, the clock and the correlation id.</summary>
public readonly record struct ExpressionScope(
    IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyDictionary<string, object?> Input,
    DateTimeOffset Now,
    string? CorrelationId);

/// <summary>An expression that does not compile, or that failed, timed out or overran its memory while running.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);

public interface IExpressionEvaluator
{
    /// <summary>Parses the source; throws <see cref="ExpressionException"/> with the parser's message when it does not compile.</summary>
    CompiledExpression Compile(string source);

    /// <summary>Runs the expression; returns a JSON-shaped value (see <see cref="Runtime.VariableValues"/>).</summary>
    object? Evaluate(CompiledExpression expression, in ExpressionScope scope);
}
