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
}
