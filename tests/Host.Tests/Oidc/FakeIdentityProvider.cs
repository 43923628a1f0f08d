using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProcessEngine.Host.Tests.Oidc;

/// <summary>How the provider spoils the id_token it issues, for the tests that the host must refuse it.</summary>
public enum IdTokenFault
{
    None,
    /// <summary>Signed with another RSA key under the published key id.</summary>
    WrongSignature,
    /// <summary>A nonce other than the one the host put in the authorize request.</summary>
    WrongNonce,
    /// <summary>Issued for another client.</summary>
    WrongAudience,
    /// <summary>Expired well beyond the allowed clock skew.</summary>
    Expired,
}

/// <summary>The provider's answer to the browser after the person signed in there: where it goes and the fields it carries.</summary>
public sealed record AuthorizeAnswer(Uri RedirectUri, string ResponseMode, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// A municipality's identity provider, in process and without network. The host's backchannel (discovery,
/// JWKS, token endpoint) is this <see cref="HttpMessageHandler"/>; the browser's step at the authorize
/// endpoint is <see cref="SignIn"/>, which the test calls as the person who signs in there. It is strict the
/// way a real provider is: the client id and secret, a one-time code bound to its redirect URI, and PKCE (S256).
/// </summary>
public sealed class FakeIdentityProvider : HttpMessageHandler
{
    public const string Issuer = "https://idp.gemeente.test";
    public const string ClientId = "processengine";
    public const string ClientSecret = "geheim-van-de-gemeente";
    private const string KeyId = "gemeente-sleutel-1";

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new();

    /// <summary>Every backchannel request as "METHOD /path", in order.</summary>
    public ConcurrentQueue<string> BackchannelRequests { get; } = new();

    /// <summary>The user names an id_token was issued for at the token endpoint, in order.</summary>
    public ConcurrentQueue<string> TokensIssued { get; } = new();

    public static Uri AuthorizeEndpoint { get; } = new($"{Issuer}/authorize");

    /// <summary>
    /// The person <paramref name="userName"/> signs in at the provider's authorize endpoint; the provider checks the
    /// request the host sent the browser with and answers with a one-time code and the state it was given.
    /// </summary>
    public AuthorizeAnswer SignIn(Uri authorizeUrl, string userName, IdTokenFault fault = IdTokenFault.None)
    {
        var request = ReadAuthorizeRequest(authorizeUrl);
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _grants[code] = new Grant(userName, request["nonce"], request["code_challenge"], request["redirect_uri"], fault);
        return Answer(request, new Dictionary<string, string> { ["code"] = code, ["state"] = request["state"] });
    }

    /// <summary>The person cancels at the provider (or the provider refuses them): the OAuth error access_denied.</summary>
    public AuthorizeAnswer Refuse(Uri authorizeUrl)
    {
        var request = ReadAuthorizeRequest(authorizeUrl);
        return Answer(request, new Dictionary<string, string> { ["error"] = "access_denied", ["state"] = request["state"] });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A backchannel request without an address.");
        BackchannelRequests.Enqueue($"{request.Method} {uri.AbsolutePath}");
        // Anything not meant for this provider would have gone to the network: make it loud.
        if (!uri.GetLeftPart(UriPartial.Authority).Equals(Issuer, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The backchannel tried to reach {uri}, which is not the fake identity provider.");
        return (request.Method.Method, uri.AbsolutePath) switch
        {
            ("GET", "/.well-known/openid-configuration") => Json(HttpStatusCode.OK, Discovery()),
            ("GET", "/jwks") => Json(HttpStatusCode.OK, Jwks()),
            ("POST", "/token") => await TokenAsync(request, cancellationToken),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private static Dictionary<string, string> ReadAuthorizeRequest(Uri authorizeUrl)
    {
        Assert.Equal(AuthorizeEndpoint.GetLeftPart(UriPartial.Path), authorizeUrl.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(authorizeUrl.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        foreach (var required in new[] { "client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method" })
            Assert.True(query.ContainsKey(required), $"The authorize request lacks {required}: {authorizeUrl}");
        Assert.Equal(ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Contains("openid", query["scope"].Split(' '));
        return query;
    }

    private static AuthorizeAnswer Answer(Dictionary<string, string> request, Dictionary<string, string> fields) =>
        new(new Uri(request["redirect_uri"]), request.GetValueOrDefault("response_mode") ?? "query", fields);

    private static object Discovery() => new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["scopes_supported"] = new[] { "openid", "profile" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nonce", "preferred_username" },
    };

    // Only the public half of the key is published.
    private object Jwks()
    {
        var key = _signingKey.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(key.Modulus), ["e"] = Base64UrlEncoder.Encode(key.Exponent),
                },
            },
        };
    }

    private async Task<HttpResponseMessage> TokenAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString());
        if (form.GetValueOrDefault("grant_type") != "authorization_code") return Error(HttpStatusCode.BadRequest, "unsupported_grant_type");
        if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
            return Error(HttpStatusCode.Unauthorized, "invalid_client");
        // A code is good for one redemption, by the redirect URI and the PKCE verifier it was issued for.
        if (form.GetValueOrDefault("code") is not { } code || !_grants.TryRemove(code, out var grant)) return Error(HttpStatusCode.BadRequest, "invalid_grant");
        if (form.GetValueOrDefault("redirect_uri") != grant.RedirectUri) return Error(HttpStatusCode.BadRequest, "invalid_grant");
        var verifier = form.GetValueOrDefault("code_verifier") ?? "";
        if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge)
            return Error(HttpStatusCode.BadRequest, "invalid_grant");

        TokensIssued.Enqueue(grant.UserName);
        return Json(HttpStatusCode.OK, new Dictionary<string, object>
        {
            ["access_token"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24)),
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = IdToken(grant),
        });
    }

    private string IdToken(Grant grant)
    {
        var now = DateTime.UtcNow;
        var issuedAt = grant.Fault == IdTokenFault.Expired ? now.AddHours(-2) : now;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = grant.Fault == IdTokenFault.WrongAudience ? "een-andere-applicatie" : ClientId,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = $"gemeente-{grant.UserName}",
                ["preferred_username"] = grant.UserName,
                ["nonce"] = grant.Fault == IdTokenFault.WrongNonce ? Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)) : grant.Nonce,
            },
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(grant.Fault == IdTokenFault.WrongSignature ? _otherKey : _signingKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string error) => Json(status, new { error });

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signingKey.Dispose();
            _otherKey.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed record Grant(string UserName, string Nonce, string CodeChallenge, string RedirectUri, IdTokenFault Fault);
}
