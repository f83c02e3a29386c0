using BenchmarkDotNet.Attributes;
using Finsam.Domain.Participants;
using Finsam.Web.Features.Participants;
using Finsam.Web.Paging;

namespace Finsam.Benchmarks;

/// <summary>
/// The participant list (Features/Participants/Index, /Deltagare) over about 100 000 enrolments: the same query and paging as the page,
/// unfiltered and filtered, on the first and on the last page.
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

    [Benchmark]
    public Task<PagedList<IndexModel.Row>> AllFirstPage() => ListAsync(new EnrolmentQuery(), 1);

    [Benchmark]
    public Task<PagedList<IndexModel.Row>> AllLastPage() => ListAsync(new EnrolmentQuery(), _lastPage);

    [Benchmark]
    public Task<PagedList<IndexModel.Row>> YearOngoingWomen() =>
        ListAsync(new EnrolmentQuery { Year = BenchmarkApp.LastYear, Status = EnrolmentStatus.Ongoing, Gender = Gender.Woman }, 1);

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
