using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace ProcessEngine.Host.Api;

/// <summary>
/// How large a request body an endpoint parses, as endpoint metadata: <see cref="ApiBytes"/> for every /api endpoint (set on
/// the group), a larger one only where an endpoint's own rules allow more. Without it Kestrel's 30 MB applies, which lets
/// anyone signed in make the node parse 30 MB of JSON per request (and run the identifier guard over it).
/// </summary>
/// <remarks>
/// The sizes follow the largest input the domain itself accepts: a task form's answers fit in 256 kB (the largest shipped
/// form, the advies, holds at most some 70,000 characters), a Veiligheidskaart does not (four lists of 50 points of 1,000
/// characters and 50 afspraken: some 325,000), nor a flow file (<see cref="Features.Flows.FlowEndpoints.MaxFlowBytes"/>).
/// Deliberately not ASP.NET Core's <see cref="IRequestSizeLimitMetadata"/>: the routing middleware applies that to the
/// server before authorization, and Kestrel then stops draining an unread body at the limit, so a 401 or 403 given to a
/// large body ends in a reset connection instead of the answer (the reliability suite's malformed requests showed it).
/// </remarks>
public sealed record BodySizeLimit(long Bytes)
{
    /// <summary>Every /api body unless its endpoint says otherwise: 256 kB.</summary>
    public const long ApiBytes = 256 * 1024;

    /// <summary>A Veiligheidskaart at its domain maximum: 1 MB. A flow file has its own, <see cref="Features.Flows.FlowEndpoints.MaxFlowBytes"/>.</summary>
    public const long LargeBytes = 1024 * 1024;

    /// <summary>The Dutch refusal, naming the limit and nothing of what was sent.</summary>
    public static string Message(long? limit) => limit is { } bytes ? $"Dit verzoek is te groot: ten hoogste {bytes / 1024} kB." : "Dit verzoek is te groot.";
}

/// <summary>A body that ran past its <see cref="BodySizeLimit"/> while it was read; a 413 (<see cref="BadRequestHandler"/>).</summary>
public sealed class BodyTooLargeException(long limit) : BadHttpRequestException(BodySizeLimit.Message(limit), StatusCodes.Status413PayloadTooLarge)
{
    public long Limit { get; } = limit;
}

public static class BodySizeLimitExtensions
{
    /// <summary>
    /// Limits the bodies of every endpoint in <paramref name="group"/>, and declares the 413 of each that takes a body
    /// (after its own conventions, so an endpoint's larger limit and its body are both known).
    /// </summary>
    public static RouteGroupBuilder WithBodySizeLimit(this RouteGroupBuilder group, long bytes)
    {
        group.WithMetadata(new BodySizeLimit(bytes));
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any())
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails),
                    ["application/problem+json"]));
        });
        return group;
    }

    /// <summary>An endpoint that takes more than its group's limit; only where the domain's own maximum needs it.</summary>
    public static RouteHandlerBuilder WithBodySizeLimit(this RouteHandlerBuilder endpoint, long bytes) =>
        endpoint.WithMetadata(new BodySizeLimit(bytes));

    /// <summary>
    /// Enforces the endpoint's <see cref="BodySizeLimit"/> (after authorization: who may not call it never gets this far). A
    /// body announced larger is answered 413 before the handler runs; one without a length is read through a counting stream
    /// that fails at the limit, so the handler never parses more. Nothing is stored either way. What the client still sends
    /// is read and dropped by Kestrel (within its own 30 MB), so the client gets the 413 and not a reset connection.
    /// </summary>
    public static WebApplication UseBodySizeLimits(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes is not { } limit)
            {
                await next(http);
                return;
            }
            if (http.Request.ContentLength > limit)
            {
                await TooLarge(limit).ExecuteAsync(http);
                return;
            }
            http.Request.Body = new LimitedBodyStream(http.Request.Body, limit);
            await next(http);
            // A body bound as a parameter that ran over is answered 413 by the framework with no body: say it as above.
            if (http.Response is { StatusCode: StatusCodes.Status413PayloadTooLarge, HasStarted: false }) await TooLarge(limit).ExecuteAsync(http);
        });
        return app;
    }

    /// <summary>413 as ProblemDetails with the field "body", the shape a 400 for the body has (<see cref="BadRequestHandler"/>).</summary>
    public static IResult TooLarge(long? limit) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [BodySizeLimit.Message(limit)] },
            title: "Het verzoek is te groot.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>Counts what is read and fails as a server would (413) once the body goes past the limit.</summary>
    private sealed class LimitedBodyStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new BodyTooLargeException(limit) : read;
        }
    }
}
