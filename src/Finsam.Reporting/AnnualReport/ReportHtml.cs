using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Finsam.Reporting.AnnualReport;

/// <summary>Renders <see cref="AnnualReportDocument"/> to an HTML string outside any web request.</summary>
public static class ReportHtml
{
    private static readonly IServiceProvider Services = new ServiceCollection().BuildServiceProvider();

    /// <param name="model">The report.</param>
    /// <param name="pageNumbers">Page per section anchor for the contents, when known.</param>
    /// <param name="stylesheetHref">A stylesheet to link instead of inlining the styles (the browser preview).</param>
    public static async Task<string> RenderAsync(AnnualReportModel model, IReadOnlyDictionary<string, int>? pageNumbers = null, string? stylesheetHref = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(AnnualReportDocument.Model)] = model,
                [nameof(AnnualReportDocument.PageNumbers)] = pageNumbers,
                [nameof(AnnualReportDocument.StylesheetHref)] = stylesheetHref,
            });
            var output = await renderer.RenderComponentAsync<AnnualReportDocument>(parameters);
            return output.ToHtmlString();
        });
        return "<!DOCTYPE html>\n" + html;
    }
}
