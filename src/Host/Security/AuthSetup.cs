using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Sign-in: ASP.NET Core Identity users in the platform tables; a cookie for the browser and a bearer
/// token for API clients, chosen per request by the Authorization header. An API call is never redirected
/// to a sign-in page: it gets 401 or 403.
/// </summary>
public static class AuthSetup
{
    public const string Scheme = "ProcessEngine";
    public const string SignInPath = "/aanmelden";

    public static WebApplicationBuilder AddProcessEngineAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AccountOptions>(builder.Configuration.GetSection("Accounts"));
        var sessionSection = builder.Configuration.GetSection("Sessions");
        services.Configure<SessionLimits>(sessionSection);
        var sessions = sessionSection.Get<SessionLimits>() ?? new SessionLimits();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie of bearer-token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = "/geen-toegang";
                o.Cookie.Name = "ProcessEngine.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Over plain HTTP only on a developer's machine; everywhere else the cookie never leaves TLS.
                o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = sessions.IdleTimeout;
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = SessionCookieEvents.ValidateAsync,
                    OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden),
                };
            })
            .AddCookie(IdentityConstants.ExternalScheme)
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, o =>
            {
                // Between the right password and the code on the sign-in page: minutes, never beyond this browser tab's work.
                o.Cookie.Name = "ProcessEngine.TweedeStap";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = sessions.TokenLifetime;
                // A refresh token never outlives the session it continues (the absolute limit is checked on refresh too).
                o.RefreshTokenExpiration = sessions.AbsoluteLimit;
            });
        OpenIdConnectSetup.AddIfConfigured(builder);

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedAccessAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = builder.Configuration.GetValue("Accounts:LockoutDuration", TimeSpan.FromMinutes(15));
                o.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HostDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddAuthorization(Policies.Add);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, Auditing.AuditingAuthorizationResultHandler>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<SmartLockout>();
        services.Configure<SmartLockoutOptions>(builder.Configuration.GetSection("SignIn:SmartLockout"));
        services.AddScoped<SessionCheck>();
        services.AddScoped<TokenRefresh>();
        services.AddOptions<TwoFactorOptions>().Bind(builder.Configuration.GetSection("SignIn:TwoFactor"))
            .Validate(o => o.RequiredForRoles.All(Roles.All.Contains), $"SignIn:TwoFactor:RequiredForRoles names a role that does not exist (roles: {string.Join(", ", Roles.All)}).")
            .ValidateOnStart();
        services.AddSingleton<TwoFactorRule>();
        services.AddScoped<TwoFactorSetup>();
        services.AddMemoryCache();
        services.AddSingleton<PasswordCheckGate>();
        services.Configure<SignInLimits>(builder.Configuration.GetSection("SignIn:Limits"));
        services.AddSingleton<SignInThrottle>();
        return builder;
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Accounts: demo accounts on a developer's machine when asked for, the admin every other install must name.</summary>
public sealed class AccountOptions
{
    /// <summary>Create the demo accounts (one per role, public password) when absent. Only in Development; elsewhere the start is refused.</summary>
    public bool CreateDemoAccounts { get; set; }
    /// <summary>Outside Development: delete the demo accounts a database still holds (from a start in Development), then start.</summary>
    public bool RemoveDemoAccounts { get; set; }
    public string DemoPassword { get; set; } = "Demo-wachtwoord-2026";
    /// <summary>The admin account a Production install needs; its password comes from configuration (environment), never from a file in the repository.</summary>
    public string? AdminUserName { get; set; }
    public string? AdminPassword { get; set; }
}
