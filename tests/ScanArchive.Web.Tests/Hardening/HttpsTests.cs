using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanArchive.TestSupport;
using ScanArchive.Web.Hosting;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Tests.Hardening;

/// <summary>
/// <c>serve --https --cert FILE.pfx --cert-password-file FILE</c> with a self-signed certificate made here: the
/// server answers over TLS with that certificate, and the session and anti-forgery cookies are <c>Secure</c>,
/// <c>HttpOnly</c> and <c>SameSite=Strict</c>. Over plain HTTP (loopback) the same cookies are not Secure, or the
/// browser would drop them.
/// </summary>
public sealed class HttpsTests : IAsyncLifetime
{
    private readonly TempDirectory _keys = new("scanarchive-cert");
    private X509Certificate2 _certificate = default!;
    private WorkstationServer _server = default!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var password = "pfx-" + Guid.NewGuid().ToString("N");
        var pfx = Path.Combine(_keys.Path, "server.pfx");
        var passwordFile = Path.Combine(_keys.Path, "server.pass");
        await File.WriteAllBytesAsync(pfx, made.Export(X509ContentType.Pfx, password));
        await File.WriteAllTextAsync(passwordFile, password + "\n");
        _certificate = X509CertificateLoader.LoadCertificate(made.RawData);
        _server = new WorkstationServer(null, true, "--urls", "https://127.0.0.1:0",
            WorkstationSettings.HttpsOption, WorkstationSettings.CertificateOption, pfx, WorkstationSettings.CertificatePasswordFileOption, passwordFile);
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
        _keys.Dispose();
    }

    [Fact]
    public async Task Serves_over_tls_with_the_given_certificate_and_secure_cookies()
    {
        Assert.Equal("https", _server.BaseAddress.Scheme);
        X509Certificate2? presented = null;
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.RawData);
                return certificate?.Thumbprint == _certificate.Thumbprint;
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = _server.BaseAddress };
        var login = await WorkstationServer.LoginAsync(client, WorkstationServer.AdminName, WorkstationServer.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(_certificate.Thumbprint, presented?.Thumbprint);
        var session = CookieHeader(login, SecuritySetup.AuthCookieName);
        AssertAttributes(session, secure: true);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/batches")).StatusCode);
        presented?.Dispose();
    }

    [Fact]
    public async Task Over_plain_loopback_http_the_cookies_are_http_only_and_strict_but_not_secure()
    {
        await using var plain = new WorkstationServer();
        await plain.InitializeAsync();
        using var client = plain.Anonymous();
        var antiforgery = await client.GetAsync("api/auth/antiforgery");
        AssertAttributes(CookieHeader(antiforgery, "scanarchive.csrf"), secure: false);
        var login = await WorkstationServer.LoginAsync(client, WorkstationServer.AdminName, WorkstationServer.Password);
        AssertAttributes(CookieHeader(login, SecuritySetup.AuthCookieName), secure: false);
    }

    [Fact]
    public void Https_options_are_taken_out_of_the_arguments_and_checked()
    {
        var (others, https) = WorkstationSettings.SplitHttps(["--data", "d", "--https", "--cert", "a.pfx", "--cert-password-file", "p", "--urls", "https://0.0.0.0:5443"]);
        Assert.Equal(["--data", "d", "--urls", "https://0.0.0.0:5443"], others);
        Assert.Equal(Path.GetFullPath("a.pfx"), https!.CertificatePath);
        Assert.Equal(Path.GetFullPath("p"), https.PasswordFile);
        Assert.Null(WorkstationSettings.SplitHttps(["--data", "d"]).Https);
        Assert.Throws<InvalidOperationException>(() => WorkstationSettings.SplitHttps(["--cert", "a.pfx"]));
        Assert.Throws<InvalidOperationException>(() => WorkstationSettings.SplitHttps(["--https", "--cert"]));

        // A wrong password stops the start with a message naming the file.
        var wrong = Path.Combine(_keys.Path, "wrong.pass");
        File.WriteAllText(wrong, "not-the-password");
        var error = Assert.Throws<InvalidOperationException>(() => new HttpsSettings(Path.Combine(_keys.Path, "server.pfx"), wrong).LoadCertificate());
        Assert.Contains("server.pfx", error.Message, StringComparison.Ordinal);

        // HTTPS without a certificate, or over an http:// address, is refused at start.
        Assert.Throws<InvalidOperationException>(() => WorkstationApp.Build(["--data", _keys.Path, "--https", "--urls", "https://127.0.0.1:0"]));
        Assert.Throws<InvalidOperationException>(() => WorkstationApp.Build(["--data", _keys.Path, "--https", "--cert", Path.Combine(_keys.Path, "server.pfx"), "--urls", "http://127.0.0.1:0"]));
    }

    private static string CookieHeader(HttpResponseMessage response, string name)
    {
        var header = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) : null;
        Assert.True(header is not null, $"no {name} cookie set");
        return header!;
    }

    private static void AssertAttributes(string setCookie, bool secure)
    {
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Equal(secure, attributes.Contains("secure"));
    }
}
