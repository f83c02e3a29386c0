using System.Text.Json;
using Finsam.Reporting.AnnualReport;
using Finsam.Web.Authorization;
using Finsam.Web.Features.AnnualReport;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>The annual report outside the pages: its stylesheet for the preview, and its tables as JSON for BI tools.</summary>
public static class ReportEndpoints
{
    public const string JsonPath = "/api/arsredovisning/{year:int}";

    /// <summary>The report's JSON options (<see cref="ReportJson.Options"/>).</summary>
    public static JsonSerializerOptions Json => ReportJson.Options;

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(PreviewModel.StylesheetPath, () => Results.Text(ReportStyles.Css, "text/css; charset=utf-8"))
            .RequireAuthorization(Policies.Report);

        // The same tables as the report, sections and checks included; authorised like the report pages. An adopted
        // year returns the model archived with its adoption as it was stored, not a recomputation.
        app.MapGet(JsonPath, async (int year, AnnualReportService reports, CancellationToken cancellationToken) =>
                await reports.ArchivedModelJsonAsync(year, cancellationToken) is { } archived
                    ? Results.Text(archived, "application/json; charset=utf-8")
                    : await reports.BuildAsync(year, cancellationToken) is { } model
                        ? Results.Json(model, Json)
                        : Results.NotFound())
            .RequireAuthorization(Policies.Report);
    }
}
