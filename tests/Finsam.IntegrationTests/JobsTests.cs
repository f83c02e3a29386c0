using System.Globalization;
using System.Net;
using System.Text;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.TestSupport;
using Finsam.Web.Hosting;
using Finsam.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace Finsam.IntegrationTests;

/// <summary>
/// Long work as background jobs (docs/background-jobs.md): the imports and the report's PDF are queued, run in the
/// worker's own scope, and keep their result for the user who started them (and the förbundschef) to collect.
/// </summary>
public sealed class JobsTests(JobsTests.Fixture fixture) : IClassFixture<JobsTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Kansli { get; private set; } = null!;

        public HttpClient OtherKansli { get; private set; } = null!;

        public HttpClient Chef { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(2026);
            Kansli = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Kansli));
            OtherKansli = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Kansli));
            Chef = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Director));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    /// <summary>A small file with the required columns only: anonymous persons, starting this autumn.</summary>
    public static byte[] EnrolmentFile(params string[] birthYears) =>
        Encoding.UTF8.GetBytes("Kön;Födelseår;Insats;Startdatum\r\n" + string.Concat(birthYears.Select((year, i) =>
            $"Kvinna;{year};P31;{TestClock.Today.AddDays(-20 - i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\r\n")));

    /// <summary>Posts the upload without following its redirect: the job's page.</summary>
    private static async Task<string> SubmitAsync(HttpClient client, string url, string fileName, byte[] content)
    {
        var token = SignIn.AntiforgeryToken(await client.GetStringAsync(url));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "fil", fileName },
        };
        var response = await client.PostAsync(url, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(SignIn.JobPagePrefix, location, StringComparison.Ordinal);
        return location;
    }

    private static Guid IdOf(string jobPage) => Guid.Parse(jobPage[SignIn.JobPagePrefix.Length..], CultureInfo.InvariantCulture);

    private async Task<Job> FinishedAsync(string jobPage)
    {
        var job = await fixture.Factory.Services.GetRequiredService<JobStore>().WhenFinishedAsync(IdOf(jobPage)).WaitAsync(Bound);
        Assert.NotNull(job);
        return job;
    }

    /// <summary>
    /// The jobs as a restarted app reads them from the data folder. Only while none of the app's jobs runs (each test here
    /// waits for its job): a store opened beside a running job would fail it on disk as interrupted.
    /// </summary>
    private JobStore Reopened() =>
        new(new StorageLocation(fixture.Factory.DataDirectory), TestClock.Provider, Options.Create(new JobOptions()), NullLogger<JobStore>.Instance);

    [Fact]
    public async Task An_enrolment_import_runs_as_a_job_and_its_page_shows_the_report_to_its_owner_and_the_director_only()
    {
        var before = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync());
        var jobPage = await SubmitAsync(fixture.Kansli, "/Deltagare/Import", "jobb.csv", EnrolmentFile("1981", "1982"));
        var job = await FinishedAsync(jobPage);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(before + 2, await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync()));

        var page = Html.Parse(await fixture.Kansli.GetStringAsync(jobPage));
        Assert.Equal("Import av deltaganden: jobb.csv", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Klart", page.QuerySelector("[data-job-state]")!.TextContent.Trim());
        Assert.Contains("Importen är klar: 2 rader, varav 2 nya, 0 ändrade och 0 oförändrade.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("progress"));

        // The report is kept on disk with the job: a restarted app still shows it.
        var kept = Reopened().Find(job.Id)!.ResultAs<Finsam.Web.Features.Participants.EnrolmentImporter.Outcome>()!;
        Assert.Equal((2, 2, 0), (kept.Rows, kept.Created, kept.Errors.Count));

        // "Mina jobb" lists it for its owner, not for another kansli user; the förbundschef sees it among the others' jobs.
        var mine = Html.Parse(await fixture.Kansli.GetStringAsync("/Jobb"));
        Assert.Contains(mine.QuerySelectorAll("#mina a"), a => a.GetAttribute("href") == jobPage);
        var other = Html.Parse(await fixture.OtherKansli.GetStringAsync("/Jobb"));
        Assert.DoesNotContain(other.QuerySelectorAll("a"), a => a.GetAttribute("href") == jobPage);
        var chef = Html.Parse(await fixture.Chef.GetStringAsync("/Jobb"));
        Assert.Contains(chef.QuerySelectorAll("#andras a"), a => a.GetAttribute("href") == jobPage);

        // Another user gets nothing of it: not the page, its state or a file.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.OtherKansli.GetAsync(jobPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.OtherKansli.GetAsync(jobPage + "?handler=Status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.OtherKansli.GetAsync(jobPage + "?handler=Download")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Chef.GetAsync(jobPage)).StatusCode);

        // The start and each collection of the report are in the audit log, under the user who did it.
        var id = IdOf(jobPage).ToString("N");
        await Poll.UntilAsync(() => fixture.Factory.Services.GetRequiredService<Finsam.Web.Auditing.AuditWriter>().Unwritten == 0, Bound);
        var entries = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "EnrolmentImportJob" && e.EntityId == id).ToListAsync());
        Assert.Contains(entries, e => e.Action == AuditAction.Create && e.UserName!.StartsWith("kansli-", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == AuditAction.View && e.UserName!.StartsWith("kansli-", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == AuditAction.View && e.UserName!.StartsWith("chef-", StringComparison.Ordinal));
        // The import itself is audited as before, in the worker, as the user who started the job.
        var imports = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Import && e.EntityType == "Enrolment").ToListAsync());
        Assert.Contains(imports, e => e.Details!.StartsWith("jobb.csv:", StringComparison.Ordinal) && e.UserName!.StartsWith("kansli-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_import_says_why_in_Swedish_and_changes_nothing()
    {
        var before = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync());
        var jobPage = await SubmitAsync(fixture.Kansli, "/Deltagare/Import", "fel.csv", EnrolmentFile("1983", "nittonhundra"));
        var job = await FinishedAsync(jobPage);
        Assert.Equal(JobState.Failed, job.State);

        var page = Html.Parse(await fixture.Kansli.GetStringAsync(jobPage));
        Assert.Equal("Misslyckades", page.QuerySelector("[data-job-state]")!.TextContent.Trim());
        Assert.Equal(Finsam.Web.Features.Participants.EnrolmentImportJobs.Refused, page.QuerySelector("#misslyckades + p")!.TextContent.Trim());
        Assert.Equal("Inget importerades: 1 fel att rätta", page.QuerySelector("#fel")!.TextContent.Trim());
        var row = page.QuerySelectorAll("table tbody tr").Single();
        Assert.Equal(["3", "Födelseår"], row.QuerySelectorAll("td").Take(2).Select(c => c.TextContent.Trim()));
        Assert.Equal(before, await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync()));
    }

    [Fact]
    public async Task The_upload_is_still_checked_at_once_at_the_field()
    {
        var token = SignIn.AntiforgeryToken(await fixture.Kansli.GetStringAsync("/Ekonomi/Import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("inte en sie-fil"u8.ToArray()), "fil", "bokforing.pdf" },
        };
        var response = await fixture.Kansli.PostAsync("/Ekonomi/Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Fel:", page.Title, StringComparison.Ordinal);
        Assert.Contains("Filen ska vara en SIE-fil", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sie_import_runs_as_a_job_and_a_refused_file_changes_nothing()
    {
        var imports = await fixture.Factory.WithDbAsync(db => db.LedgerImports.CountAsync());
        var jobPage = await SubmitAsync(fixture.Kansli, "/Ekonomi/Import", "trasig.se", SieFiles.Pc8("#FLAGGA 0\r\n#SIETYP 4\r\n#VER A 1 20250101\r\n"));
        var job = await FinishedAsync(jobPage);
        Assert.Equal(JobState.Failed, job.State);
        var page = Html.Parse(await fixture.Kansli.GetStringAsync(jobPage));
        Assert.StartsWith("Filen kunde inte läsas.", page.QuerySelector("#misslyckades + p")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(imports, await fixture.Factory.WithDbAsync(db => db.LedgerImports.CountAsync()));
        var kept = Reopened().Find(job.Id)!.ResultAs<Finsam.Web.Features.Economy.LedgerImportJobResult>()!;
        Assert.StartsWith("Filen kunde inte läsas.", kept.Error, StringComparison.Ordinal);
        Assert.False(kept.Imported);
    }

    [Fact]
    public async Task The_report_pdf_is_made_by_a_job_and_collected_from_its_page()
    {
        const int year = 2025;
        var response = await fixture.Chef.PostFormAsync($"/Arsredovisning?handler=Pdf&ar={year}&utkast=true", [], getUrl: $"/Arsredovisning?ar={year}");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"Årsredovisning som PDF {year}", page.QuerySelector("h1")!.TextContent.Trim());
        var link = page.QuerySelector("a[download]")!;
        Assert.StartsWith($"Hämta", link.TextContent.Trim(), StringComparison.Ordinal);

        var file = await fixture.Chef.GetAsync(link.GetAttribute("href"));
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await file.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.NumberOfPages > 5);

        // Not for anyone else.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Kansli.GetAsync(link.GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task At_start_a_job_left_unfinished_is_failed_and_an_old_one_removed()
    {
        var folder = FinsamFactory.NewDataDirectory();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));
        JobStore Open() => new(new StorageLocation(folder), clock, Options.Create(new JobOptions()), NullLogger<JobStore>.Instance);
        try
        {
            var store = Open();
            var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "u1")], "test"));
            // No worker runs here: the job stays queued, as one that was waiting when the service stopped.
            var left = await store.SubmitAsync(JobKinds.EnrolmentImport, "Import av deltaganden: a.csv", user, null, (_, _) => Task.FromResult(JobOutcome.Done(null)), CancellationToken.None);

            var restarted = Open();
            var failed = restarted.Find(left!.Id)!;
            Assert.Equal(JobState.Failed, failed.State);
            Assert.Equal(JobStore.Interrupted, failed.Failure);
            Assert.Single(restarted.List("u1"));

            clock.Advance(TimeSpan.FromHours(25));
            Assert.Empty(Open().List("u1"));
            Assert.Empty(Directory.EnumerateDirectories(Path.Combine(folder, JobStore.FolderName)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>A job seen while it runs: held at a gate the test controls, so nothing depends on the job's speed.</summary>
public sealed class RunningJobTests : IAsyncLifetime, IDisposable
{
    private readonly TestJobGate _gate = new();
    private FinsamFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new FinsamFactory { JobGate = _gate };
        await _factory.SeedDemoAsync(2026);
    }

    public Task DisposeAsync()
    {
        _gate.Open();
        return Task.CompletedTask;
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_running_job_shows_its_progress_without_and_with_javascript_and_then_its_result()
    {
        var kansli = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Kansli));
        var before = await _factory.WithDbAsync(db => db.Enrolments.CountAsync());
        var token = SignIn.AntiforgeryToken(await kansli.GetStringAsync("/Deltagare/Import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(JobsTests.EnrolmentFile("1984")), "fil", "vantar.csv" },
        };
        var jobPage = (await kansli.PostAsync("/Deltagare/Import", form)).Headers.Location!.OriginalString;
        await _gate.Reached.WaitAsync(TimeSpan.FromMinutes(2));

        // Running: a progress bar, the step in a live region, a refresh for a browser without JavaScript and the script for one with it.
        var running = Html.Parse(await kansli.GetStringAsync(jobPage));
        Assert.Equal("Pågår", running.QuerySelector("[data-job-state]")!.TextContent.Trim());
        Assert.NotNull(running.QuerySelector("progress#jobb-progress"));
        Assert.Equal("status", running.QuerySelector("#jobb-steg")!.GetAttribute("role"));
        Assert.Contains("http-equiv=\"refresh\"", running.QuerySelector("head noscript")!.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(running.QuerySelector("script[src^='/js/jobb.js']"));
        Assert.NotNull(running.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == "Uppdatera"));
        var state = System.Text.Json.JsonDocument.Parse(await kansli.GetStringAsync(jobPage + "?handler=Status")).RootElement;
        Assert.Equal("Running", state.GetProperty("state").GetString());
        Assert.False(state.GetProperty("finished").GetBoolean());
        Assert.Equal(before, await _factory.WithDbAsync(db => db.Enrolments.CountAsync()));

        _gate.Open();
        var job = await _factory.Services.GetRequiredService<JobStore>().WhenFinishedAsync((await _gate.Reached).Id).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(JobState.Succeeded, job!.State);
        var done = Html.Parse(await kansli.GetStringAsync(jobPage));
        Assert.Contains("Importen är klar: 1 rader", done.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(done.QuerySelector("head noscript"));
        Assert.True(System.Text.Json.JsonDocument.Parse(await kansli.GetStringAsync(jobPage + "?handler=Status")).RootElement.GetProperty("finished").GetBoolean());
        Assert.Equal(before + 1, await _factory.WithDbAsync(db => db.Enrolments.CountAsync()));
    }
}
