namespace Finsam.Reporting.AnnualReport;

/// <summary>The report's stylesheet (report.css, embedded): inlined in the PDF, linked in the browser preview.</summary>
public static class ReportStyles
{
    public static string Css { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ReportStyles).Assembly.GetManifestResourceStream("Finsam.Reporting.AnnualReport.report.css")
            ?? throw new InvalidOperationException("report.css is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
