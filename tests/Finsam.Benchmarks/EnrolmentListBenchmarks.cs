using BenchmarkDotNet.Attributes;
using Finsam.Domain.Participants;
using Finsam.Web.Features.Participants;
using Finsam.Web.Paging;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Benchmarks;

/// <summary>
/// The participant list (Features/Participants/Index, /Deltagare) over about 100 000 enrolments: the same query and paging as the page,
/// unfiltered and filtered, on the first and on the last page, sorted by other columns; and the "Att göra" lists.
/// </summary>
[Config(typeof(FinsamBenchmarkConfig))]
public class EnrolmentListBenchmarks : IDisposable
{
    private BenchmarkApp? _app;
    private int _lastPage;

    private BenchmarkApp App => _app ?? throw new InvalidOperationException("Not set up.");

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchmarkApp.StartAsync(FederationSizes.HundredThousandEnrolments);
        _lastPage = (await ListAsync(new EnrolmentQuery(), 1)).PageCount;
    }

    /// <summary>The baseline: <c>SELECT 1</c> through the same DbContext, so a figure survives a busy machine as its ratio to this.</summary>
    [Benchmark]
    public Task<int> SelectOne() => App.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync());

    [Benchmark]
    public Task<PagedList<IndexModel.Row>> AllFirstPage() => ListAsync(new EnrolmentQuery(), 1);

    [Benchmark]
    public Task<PagedList<IndexModel.Row>> AllLastPage() => ListAsync(new EnrolmentQuery(), _lastPage);

    [Benchmark]
    public Task<PagedList<IndexModel.Row>> YearOngoingWomen() =>
        ListAsync(new EnrolmentQuery { Year = BenchmarkApp.LastYear, Status = EnrolmentStatus.Ongoing, Gender = Gender.Woman }, 1);

    [Benchmark]
    public Task<PagedList<IndexModel.Row>> ByInsatsLastPage() =>
        App.WithDbAsync(db => IndexModel.ListAsync(db, new EnrolmentQuery(), _lastPage, new EnrolmentSort(EnrolmentSortColumn.Insats, Descending: false)));

    [Benchmark]
    public Task<PagedList<IndexModel.Row>> ByParticipantMiddlePage() =>
        App.WithDbAsync(db => IndexModel.ListAsync(db, new EnrolmentQuery(), _lastPage / 2, new EnrolmentSort(EnrolmentSortColumn.Participant, Descending: true)));

    /// <summary>The three lists of "Att göra" (Features/Worklist), as the page reads them.</summary>
    [Benchmark]
    public Task<int> Worklist() => App.WithDbAsync(async db =>
    {
        var today = new DateOnly(BenchmarkApp.LastYear, 12, 31);
        var followUps = await Finsam.Web.Features.Worklist.IndexModel.FollowUpsDueAsync(db, today);
        var late = await Finsam.Web.Features.Worklist.IndexModel.OngoingPastInsatsEndAsync(db, today);
        var missing = await Finsam.Web.Features.Worklist.IndexModel.EndedWithoutReasonAsync(db);
        return followUps.Count + late.Count + missing.Count;
    });

    [GlobalCleanup]
    public void Dispose()
    {
        _app?.Dispose();
        _app = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>As <see cref="IndexModel.OnGetAsync"/> builds its results.</summary>
    private Task<PagedList<IndexModel.Row>> ListAsync(EnrolmentQuery query, int page) => App.WithDbAsync(db => IndexModel.ListAsync(db, query, page));
}
