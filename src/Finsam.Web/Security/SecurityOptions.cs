namespace Finsam.Web.Security;

/// <summary>Configuration section "Security": how hard sign-in may be tried from one client address, and how long a sign-in lasts.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Sign-in, two-factor and recovery-code posts allowed per client IP address within <see cref="SignInWindow"/>.</summary>
    public int SignInPermitLimit { get; set; } = 10;

    /// <summary>The window the limit counts over.</summary>
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a sign-in lasts at most, however active the user is (the cookie's sliding renewal never extends it
    /// beyond this); after it the user signs in again. A working day and a half by default.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The reverse proxies (addresses, or networks as "172.16.0.0/12") whose X-Forwarded-For and X-Forwarded-Proto the
    /// app believes: behind a TLS-terminating proxy the app then knows the request was HTTPS (Secure cookies, HSTS)
    /// and who the client is (the sign-in limit). "*" believes any sender: only where nothing but the proxy can reach
    /// the app (e.g. a container network). Empty: no forwarded headers are read.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; set; } = [];

    /// <summary>A PFX certificate that encrypts the data-protection key ring at rest (the keys that sign the cookies).</summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyRingCertificatePath"/>, from a secret store or the environment.</summary>
    public string? KeyRingCertificatePassword { get; set; }
}
