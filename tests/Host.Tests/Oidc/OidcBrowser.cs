using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using ProcessEngine.Host.Tests.Ui;

namespace ProcessEngine.Host.Tests.Oidc;

/// <summary>
/// The test playing the browser through a sign-in at the identity provider: it starts at /aanmelden/extern,
/// takes the challenge redirect to the provider, lets the provider answer, and brings that answer back to
/// /signin-oidc with the cookies the challenge set. Redirects on the host are followed one by one.
/// </summary>
public sealed partial class OidcBrowser(HttpClient client) : IDisposable
{
    public static Uri Origin { get; } = new("https://localhost");

    public HttpClient Client { get; } = client;

    /// <summary>GET /aanmelden/extern: the host answers with a redirect to the provider's authorize endpoint.</summary>
    public async Task<Challenge> StartAsync(string? returnUrl = null)
    {
        var path = returnUrl is null ? "/aanmelden/extern" : $"/aanmelden/extern?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var authorize = response.Headers.Location ?? throw new InvalidOperationException("The challenge has no Location.");
        Assert.True(authorize.IsAbsoluteUri, $"The challenge should go to the provider, not to {authorize}");
        var query = QueryHelpers.ParseQuery(authorize.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return new Challenge(authorize, query, cookies);
    }

    /// <summary>Brings the provider's answer to the host as the provider's page would: a form post (form_post) or a redirect (query).</summary>
    public async Task<Step> ReturnAsync(AuthorizeAnswer answer)
    {
        var callback = new Uri(Origin, answer.RedirectUri.PathAndQuery);
        Assert.Equal(Origin.GetLeftPart(UriPartial.Authority), answer.RedirectUri.GetLeftPart(UriPartial.Authority));
        var response = answer.ResponseMode == "form_post"
            ? await Client.PostAsync(callback, new FormUrlEncodedContent(answer.Fields))
            : await Client.GetAsync(QueryHelpers.AddQueryString(callback.ToString(), answer.Fields.ToDictionary(f => f.Key, f => (string?)f.Value)));
        return await Step.ReadAsync(callback.PathAndQuery, response);
    }

    /// <summary>Follows the host's redirects (and its "moving on" page) to the page that stays; gives every step.</summary>
    public async Task<IReadOnlyList<Step>> FollowAsync(Step from)
    {
        var steps = new List<Step>();
        var page = from.Page;
        for (var hop = 0; hop < 10; hop++)
        {
            var next = page.Status == HttpStatusCode.Found ? page.Location : MetaRefresh(page);
            if (next is null) return steps;
            var target = new Uri(Origin, next);
            Assert.Equal(Origin.GetLeftPart(UriPartial.Authority), target.GetLeftPart(UriPartial.Authority));
            var step = await Step.ReadAsync(target.PathAndQuery, await Client.GetAsync(target));
            steps.Add(step);
            page = step.Page;
        }
        throw new InvalidOperationException("More than 10 redirects.");
    }

    /// <summary>The whole sign-in as <paramref name="userName"/>: start, provider, callback, and on to where it ends.</summary>
    public async Task<IReadOnlyList<Step>> SignInAsync(FakeIdentityProvider provider, string userName, string? returnUrl = null,
        IdTokenFault fault = IdTokenFault.None)
    {
        var challenge = await StartAsync(returnUrl);
        var callback = await ReturnAsync(provider.SignIn(challenge.AuthorizeUrl, userName, fault));
        return [callback, .. await FollowAsync(callback)];
    }

    /// <summary>The target of a page's &lt;meta http-equiv="refresh"&gt;, if it has one.</summary>
    public static string? MetaRefresh(Page page) =>
        Refresh().Match(page.Html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    public void Dispose() => Client.Dispose();

    [GeneratedRegex(@"<meta http-equiv=""refresh"" content=""0;url=([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Refresh();

    /// <summary>The host's answer to a challenge: the provider's authorize URL with its parameters, and the cookies set beside it.</summary>
    public sealed record Challenge(Uri AuthorizeUrl, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<string> SetCookies);

    /// <summary>One request the browser made, what it got, and the cookies the answer set (or deleted).</summary>
    public sealed record Step(string PathAndQuery, Page Page, IReadOnlyList<string> SetCookies)
    {
        public static async Task<Step> ReadAsync(string pathAndQuery, HttpResponseMessage response) => new(pathAndQuery, await Page.ReadAsync(response),
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : []);

        /// <summary>Whether this answer gave the browser the application's sign-in cookie.</summary>
        public bool SetsSignInCookie => SetCookies.Any(c => c.StartsWith("ProcessEngine.Auth=", StringComparison.Ordinal) && !c.StartsWith("ProcessEngine.Auth=;", StringComparison.Ordinal));
    }
}
