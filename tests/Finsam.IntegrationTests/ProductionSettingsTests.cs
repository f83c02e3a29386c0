using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>The settings production needs (docker-compose.yml): a TLS-terminating proxy, and a key ring encrypted at rest.</summary>
public sealed class ProductionSettingsTests
{
    private static async Task<HttpResponseMessage> SignInBehindProxyAsync(FinsamFactory factory)
    {
        var user = await factory.CreateUserAsync(Roles.Kansli);
        var client = factory.AnonymousClient();
        client.DefaultRequestHeaders.Host = "finsam.example.se";
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        return await client.PasswordStepAsync(user);
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Finsam.Auth=", StringComparison.Ordinal));

    [Fact]
    public async Task Behind_a_trusted_proxy_the_cookies_are_secure_and_hsts_is_sent_and_not_otherwise()
    {
        await using (var trusting = new FinsamFactory { Settings = new Dictionary<string, string> { ["Security:TrustedProxies:0"] = "*" } })
        {
            var response = await SignInBehindProxyAsync(trusting);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("secure", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
            Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        }

        // Without the setting the headers are not believed: anyone could send them.
        await using var plain = new FinsamFactory();
        var direct = await SignInBehindProxyAsync(plain);
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.DoesNotContain("secure", AuthCookie(direct), StringComparison.OrdinalIgnoreCase);
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task With_a_certificate_the_key_ring_is_stored_encrypted()
    {
        var folder = FinsamFactory.NewDataDirectory();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "nyckelring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Finsam key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "test-losenord"));
        }

        try
        {
            await using var factory = new FinsamFactory
            {
                Settings = new Dictionary<string, string>
                {
                    ["Security:KeyRingCertificatePath"] = path,
                    ["Security:KeyRingCertificatePassword"] = "test-losenord",
                },
            };
            await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Board));
            var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
