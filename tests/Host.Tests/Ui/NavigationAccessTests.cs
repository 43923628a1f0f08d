using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using ProcessEngine.Host.Components.Layout;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Tests.Ui;

/// <summary>The navigation and the pages agree: a link shows for exactly the roles its page lets in.</summary>
public sealed class NavigationAccessTests(UiWorld world) : IClassFixture<UiWorld>
{
    /// <summary>One demo account per role.</summary>
    private static readonly Dictionary<string, string> AccountOfRole = new()
    {
        [Roles.Coordinator] = "coordinator", [Roles.RvtChair] = "voorzitter", [Roles.RvtMember] = "rvtlid",
        [Roles.Professional] = "prof1", [Roles.Jeugdbeschermer] = "jeugdbeschermer",
        [Roles.Ervaringsdeskundige] = "ervaringsdeskundige", [Roles.Manager] = "manager", [Roles.Admin] = "beheerder",
    };

    public static TheoryData<string, string> RolesAndLinks()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All)
            foreach (var item in NavTree.Groups.SelectMany(g => g.Items))
                data.Add(role, item.Href);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndLinks))]
    public async Task EveryLink_IsShownAndOpens_ExactlyForTheRolesOfItsPolicy(string role, string href)
    {
        var item = NavTree.Groups.SelectMany(g => g.Items).Single(i => i.Href == href);
        var allowed = Policies.RolesByPolicy[item.Policy].Contains(role);
        var browser = await world.AsAsync(AccountOfRole[role]);

        var start = await browser.GetAsync("/");
        var page = await browser.GetAsync(href);

        Assert.Equal(allowed, start.NavLinks.Contains(href));
        if (allowed) Assert.Equal(HttpStatusCode.OK, page.Status);
        else if (item.ForceLoad) Assert.Equal(HttpStatusCode.Forbidden, page.Status); // Hangfire's dashboard answers for itself
        else Assert.StartsWith("/geen-toegang", new Uri(new Uri("http://localhost"), page.Location).AbsolutePath);
    }

    [Fact]
    public void EveryBlazorLink_PointsAtAPageGuardedByTheSamePolicy()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, Type: t)))
            .ToDictionary(p => p.Template, p => p.Type);

        foreach (var item in NavTree.Groups.SelectMany(g => g.Items).Where(i => !i.ForceLoad))
        {
            Assert.True(pages.TryGetValue(item.Href, out var page), $"No page has the route {item.Href}.");
            var policies = page!.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => a.Policy).Where(p => p is not null).ToList();
            Assert.Equal([item.Policy], policies);
        }
    }
}
