using ProcessEngine.Workflows.Expressions;

namespace ProcessEngine.Workflows.Activities;

/// <summary>
/// An activity input as bound from a flow file: a literal converted once when the flow is compiled, or a
/// compiled expression evaluated each time the activity runs. Input objects belong to the compiled flow,
/// which is shared by all instances of that version, so they never hold per-instance state.
/// </summary>
public sealed class Input<T>
{
    public Input(T? literal) => Literal = literal;
    public Input(CompiledExpression expression) => Expression = expression;

    /// <summary>Used by the flow compiler, which knows <typeparamref name="T"/> only at run time.</summary>
    public static Input<T> FromLiteral(object? value) => new(value is null ? default : (T)value);
    public static Input<T> FromExpression(CompiledExpression expression) => new(expression);

    public T? Literal { get; }
    public CompiledExpression? Expression { get; }
    public bool IsExpression => Expression is not null;

    public override string ToString() => Expression?.Source ?? Literal?.ToString() ?? "";
}
