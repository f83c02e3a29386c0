using System.Security.Cryptography;
using System.Text;
using Finsam.Reporting.AnnualReport;
using Finsam.Reporting.Pdf;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>
/// The last few draft PDFs, by content: a draft whose report is the same as one rendered before (everything but the
/// time it was made) is served from memory instead of another Chromium run of about ten seconds, e.g. when every
/// board member downloads the same draft. The cached file's cover says when that content was first rendered. Any
/// change to a text, a figure or a setting changes the content and renders afresh. Adopted reports are archived
/// and never pass through here.
/// </summary>
public sealed class DraftPdfCache(IPdfRenderer renderer)
{
    /// <summary>How many drafts are kept (a few years' drafts of a few MB each).</summary>
    public const int Capacity = 6;

    private readonly LinkedList<(string Key, byte[] Pdf)> _entries = new();
    private readonly Lock _gate = new();

    /// <summary>Drafts served from memory since the start, for the tests and the log.</summary>
    public int Hits { get; private set; }

    public async Task<byte[]> RenderAsync(AnnualReportModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(await ReportHtml.RenderAsync(model with { GeneratedAtUtc = default }))));
        lock (_gate)
        {
            if (_entries.FirstOrDefault(e => e.Key == key) is { Pdf: not null } hit)
            {
                _entries.Remove(hit);
                _entries.AddFirst(hit);
                Hits++;
                return hit.Pdf;
            }
        }

        var pdf = await AnnualReportPdf.RenderAsync(model, renderer, cancellationToken);
        lock (_gate)
        {
            _entries.AddFirst((key, pdf));
            while (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }
        }

        return pdf;
    }
}
