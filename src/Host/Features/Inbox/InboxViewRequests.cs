using System.Text.Json;
using System.Text.RegularExpressions;
using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Components.Work;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Inbox;

namespace ProcessEngine.Host.Features.Inbox;

/// <summary>The filters of a saved view: values picked from lists, a casus code and one of the person's own teams; never free text.</summary>
public sealed record InboxViewFilter(InboxStatus Status = InboxStatus.All, string? Route = null, InboxDue Due = InboxDue.Any, string? Casus = null,
    string? Team = null);

/// <param name="Name">The view's name, unique per person: saving under a name one has already replaces that view.</param>
public sealed record SaveViewInput(string? Name, InboxViewFilter? Filter, InboxSort? Sort);

public sealed record InboxViewDto(Guid Id, string Name, InboxViewFilter Filter, InboxSort Sort, DateTimeOffset SavedAt)
{
    public static InboxViewDto From(SavedInboxView view) => new(view.Id, view.Name,
        JsonSerializer.Deserialize<InboxViewFilter>(view.FilterJson, InboxViewJson.Options) ?? new InboxViewFilter(),
        Enum.TryParse<InboxSort>(view.Sort, out var sort) ? sort : InboxSort.Due, view.SavedAt);
}

public sealed record ListInboxViews(CurrentUser User) : IRequest<RequestResult<IReadOnlyList<InboxViewDto>>>;
public sealed record SaveInboxView(SaveViewInput Input, CurrentUser User) : IRequest<RequestResult<InboxViewDto>>;
public sealed record DeleteInboxView(Guid Id, CurrentUser User) : IRequest<RequestResult<bool>>;

/// <summary>
/// Saved inbox views, each person's own: listed, saved and deleted only by their owner (someone else's id is "not found", so ids
/// reveal nothing). Not casus data, so not audited; the filter is checked so it can hold no free text.
/// </summary>
public sealed partial class InboxViewHandlers(InboxStore store, TimeProvider clock) :
    IRequestHandler<ListInboxViews, RequestResult<IReadOnlyList<InboxViewDto>>>,
    IRequestHandler<SaveInboxView, RequestResult<InboxViewDto>>,
    IRequestHandler<DeleteInboxView, RequestResult<bool>>
{
    public async ValueTask<RequestResult<IReadOnlyList<InboxViewDto>>> Handle(ListInboxViews request, CancellationToken ct) =>
        RequestResult<IReadOnlyList<InboxViewDto>>.Ok([.. (await store.ViewsOfAsync(request.User.UserName, ct)).Select(InboxViewDto.From)]);

    public async ValueTask<RequestResult<InboxViewDto>> Handle(SaveInboxView request, CancellationToken ct)
    {
        var errors = Check(request.Input, request.User);
        if (errors.Count > 0) return RequestResult<InboxViewDto>.Invalid(errors);
        var filter = request.Input.Filter ?? new InboxViewFilter();
        filter = filter with { Route = Blank(filter.Route), Casus = Blank(filter.Casus)?.ToUpperInvariant(), Team = Blank(filter.Team) };
        var view = await store.SaveViewAsync(request.User.UserName, request.Input.Name!.Trim(), JsonSerializer.Serialize(filter, InboxViewJson.Options),
            (request.Input.Sort ?? InboxSort.Due).ToString(), clock.GetUtcNow(), ct);
        return RequestResult<InboxViewDto>.Ok(InboxViewDto.From(view));
    }

    public async ValueTask<RequestResult<bool>> Handle(DeleteInboxView request, CancellationToken ct) =>
        await store.DeleteViewAsync(request.User.UserName, request.Id, ct)
            ? RequestResult<bool>.Ok(true)
            : RequestResult<bool>.NotFound("U hebt geen weergave met dit id.");

    /// <summary>The field errors of a view to save, by their JSON path.</summary>
    public static Dictionary<string, string> Check(SaveViewInput input, CurrentUser user)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = "Geef de weergave een naam.";
        else if (input.Name.Trim().Length > SavedInboxView.MaxName) errors["name"] = $"Maximaal {SavedInboxView.MaxName} tekens.";
        var filter = input.Filter ?? new InboxViewFilter();
        if (!Enum.IsDefined(filter.Status)) errors["filter.status"] = "Onbekende status.";
        if (!Enum.IsDefined(filter.Due)) errors["filter.due"] = "Onbekende termijn.";
        if (input.Sort is { } sort && !Enum.IsDefined(sort)) errors["sort"] = "Onbekende sortering.";
        if (Blank(filter.Route) is { } route && !RouteNames.IsChoice(route)) errors["filter.route"] = "Kies een route uit de lijst.";
        if (Blank(filter.Casus) is { } casus && !CasusCodeShape().IsMatch(casus)) errors["filter.casus"] = "Een casuscode, zoals RVT-2026-K7QM4X.";
        if (Blank(filter.Team) is { } team && !user.Groups.Contains(team)) errors["filter.team"] = "Kies een van uw eigen teams of rollen.";
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9]{2,10}(-[A-Za-z0-9]{1,12}){1,3}$")]
    private static partial Regex CasusCodeShape();
}

internal static class InboxViewJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
