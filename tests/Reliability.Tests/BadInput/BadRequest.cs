namespace ProcessEngine.Reliability.Tests.BadInput;

/// <summary>One generated malformed request: who sends it, and exactly what, so a failure can be replayed by hand.</summary>
public sealed record BadRequest(int Number, string Caller, string Method, string Path, string? ContentType, string? Body)
{
    public override string ToString()
    {
        var body = Body is null ? "(no body)" : Body.Length <= 400 ? Body : $"{Body[..400]}… ({Body.Length} chars)";
        return $"#{Number} as {Caller}: {Method} {Path} [{ContentType ?? "no content type"}] {body}";
    }
}

/// <summary>What the generator refers to: real rows made through the API before the checksum is taken.</summary>
public sealed record KnownIds(string CasusCode, Guid ChairTask, string FlowId);
