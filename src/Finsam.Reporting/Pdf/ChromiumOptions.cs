namespace Finsam.Reporting.Pdf;

/// <summary>Configuration section "Pdf": where Chromium is and how hard it may be pushed.</summary>
public sealed class ChromiumOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium executable. Debian's package installs it at /usr/bin/chromium.</summary>
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// Whether Chromium is started in the background when the application starts, so that the first document does not
    /// wait for it. Start-up neither waits for it nor fails when Chromium is missing.
    /// </summary>
    public bool StartAtLaunch { get; set; } = true;

    /// <summary>How many documents may render at once.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>How long one rendering may take before it is abandoned.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);
}
