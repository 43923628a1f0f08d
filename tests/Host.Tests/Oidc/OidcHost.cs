using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Tests.Oidc;

/// <summary>
/// The real host with the identity provider sign-in switched on by configuration, its backchannel pointed at
/// the in-process <see cref="FakeIdentityProvider"/> (no network). Its demo accounts are the provider's people.
/// </summary>
public sealed class OidcHost : IAsyncLifetime
{
    private readonly HostFactory _root = new();

    public OidcHost() =>
        Factory = _root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("OpenIdConnect:Authority", FakeIdentityProvider.Issuer);
            builder.UseSetting("OpenIdConnect:ClientId", FakeIdentityProvider.ClientId);
            builder.UseSetting("OpenIdConnect:ClientSecret", FakeIdentityProvider.ClientSecret);
            // Configure, not PostConfigure: the handler's own post-configuration builds the backchannel and the
            // metadata manager from BackchannelHttpHandler, and it runs before any PostConfigure added here.
            builder.ConfigureTestServices(services =>
            {
                services.Configure<OpenIdConnectOptions>(OpenIdConnectSetup.Scheme, o => o.BackchannelHttpHandler = Provider);
                services.AddSingleton<ILoggerProvider>(SignInFailures);
            });
        });

    public FakeIdentityProvider Provider { get; } = new();

    /// <summary>Why sign-ins at the provider failed, as the host logged it.</summary>
    public FailureLog SignInFailures { get; } = new();

    public WebApplicationFactory<Program> Factory { get; }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>A browser over https (the handler's correlation and nonce cookies are Secure) that keeps cookies and follows no redirect by itself.</summary>
    public OidcBrowser Browser() => new(Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = OidcBrowser.Origin, AllowAutoRedirect = false, HandleCookies = true,
    }));

    /// <summary>Locks <paramref name="userName"/>'s account as five wrong passwords would.</summary>
    public async Task LockOutAsync(string userName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
        Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
        Assert.True(await users.IsLockedOutAsync(user));
    }

    public Task InitializeAsync()
    {
        _ = Factory.Server; // start the host before the test
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _root.DisposeAsync(); // disposes the derived factory too
        Provider.Dispose();
    }
}
