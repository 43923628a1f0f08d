using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProcessEngine.Host.Tests.Ui;

/// <summary>
/// A browser without JavaScript against the real host: keeps its cookies, does not follow redirects (the
/// tests look at them), and posts forms with the antiforgery token the page gave.
/// </summary>
public sealed class UiSession(HostFactory factory) : IDisposable
{
    public HttpClient Client { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<Page> GetAsync(string path) => await Page.ReadAsync(await Client.GetAsync(path));

    public async Task<Page> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields) =>
        await Page.ReadAsync(await Client.PostAsync(path, new FormUrlEncodedContent(fields)));

    /// <summary>Fills in and posts the sign-in form as a person would.</summary>
    public async Task<Page> SignInAsync(string userName, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/aanmelden" : $"/aanmelden?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await PostFormAsync(path, new Dictionary<string, string>
        {
            ["_handler"] = "aanmelden",
            ["__RequestVerificationToken"] = form.AntiforgeryToken(),
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
        });
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>A response as a page: its status, redirect target, HTML, visible text and the parts the tests read.</summary>
public sealed partial record Page(HttpStatusCode Status, string? Location, string? ContentType, string Html)
{
    public static async Task<Page> ReadAsync(HttpResponseMessage response) => new(response.StatusCode,
        response.Headers.Location?.OriginalString, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());

    /// <summary>What a person reads: tags, styles and scripts removed, entities decoded, white space collapsed.</summary>
    public string Text => WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(Hidden().Replace(Html, " "), " "), " "));

    public string AntiforgeryToken(int index = 0) => TokenField().Matches(Html)[index].Groups[1].Value;

    /// <summary>The headings of the navigation's groups, in order.</summary>
    public IReadOnlyList<string> NavGroups => [.. NavGroup().Matches(Html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>Every link inside the navigation.</summary>
    public IReadOnlyList<string> NavLinks
    {
        get
        {
            var start = Html.IndexOf("<nav", StringComparison.Ordinal);
            var end = Html.IndexOf("</nav>", StringComparison.Ordinal);
            return start < 0 || end < start ? [] : [.. Href().Matches(Html[start..end]).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
        }
    }

    /// <summary>The stylesheets and scripts the page loads from this host.</summary>
    public IReadOnlyList<string> Assets => [.. Asset().Matches(Html).Select(m => "/" + m.Groups[1].Value.TrimStart('/'))];

    [GeneratedRegex(@"<(style|script)\b.*?</\1>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Hidden();
    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
    [GeneratedRegex(@"name=""__RequestVerificationToken"" value=""([^""]+)""")]
    private static partial Regex TokenField();
    [GeneratedRegex(@"data-nav-group=""([^""]+)""")]
    private static partial Regex NavGroup();
    [GeneratedRegex(@"href=""([^""]+)""")]
    private static partial Regex Href();
    [GeneratedRegex(@"(?:href|src)=""(/?(?:_content|_framework|css)/[^""]+)""")]
    private static partial Regex Asset();
}
