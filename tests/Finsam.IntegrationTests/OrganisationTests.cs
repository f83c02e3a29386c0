using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Organisation;
using Finsam.TestSupport;
using Finsam.Web.Features.Organisation;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>
/// Setting up a förbund from an empty database through the organisation's handlers (issue 12): each write validated,
/// refused with a Swedish message that changes nothing, refused for a closed year, and audited in the same save.
/// </summary>
public sealed class OrganisationTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2026;
    private readonly FinsamFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    private async Task<T> With<THandler, T>(Func<THandler, Task<T>> action)
        where THandler : notnull
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private Task<ChangeResult> CreateFederationAsync(string organisationNumber = "222000-0000") =>
        With<FederationHandler, ChangeResult>(h => h.CreateAsync(new FederationInput
        {
            Name = "Samordningsförbundet Älvdalen",
            OrganisationNumber = organisationNumber,
            Seat = "Älvby",
            PostalAddress = "Box 1\n799 99 Älvby",
            FirstFiscalYear = 2025,
            Logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3],
        }, CancellationToken.None));

    private async Task<int> AddMemberAsync(string name, MemberKind kind, string? number = null, DateOnly? from = null)
    {
        var (result, id) = await With<MemberHandler, (ChangeResult, int)>(h => h.AddWithIdAsync(
            new MemberInput { Name = name, Kind = kind, OrganisationNumber = number, MemberFrom = from }, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return id;
    }

    private async Task<Dictionary<string, int>> SetUpMembersAsync() => new()
    {
        ["fk"] = await AddMemberAsync("Försäkringskassan", MemberKind.SocialInsuranceAgency, "2021005521"),
        ["af"] = await AddMemberAsync("Arbetsförmedlingen", MemberKind.PublicEmploymentService, "202100-2114"),
        ["region"] = await AddMemberAsync("Region Älvdalen", MemberKind.Region, "232100-0016"),
        ["a"] = await AddMemberAsync("Älvby kommun", MemberKind.Municipality, "212000-1017"),
        ["b"] = await AddMemberAsync("Forsby kommun", MemberKind.Municipality, "212000-1025"),
        ["c"] = await AddMemberAsync("Sjöby kommun", MemberKind.Municipality, "212000-1033"),
    };

    private static ContributionSplitInput PopulationSplit(Dictionary<string, int> ids, string c = "11,5192614") => new()
    {
        Mode = ContributionMode.Percent,
        Total = "12 345 678,91",
        RegionPercent = "30",
        MunicipalityPercent = "20 %",
        Shares =
        [
            new() { MemberId = ids["a"], Name = "Älvby kommun", Percent = "41,3572819" },
            new() { MemberId = ids["b"], Name = "Forsby kommun", Percent = "47,1234567" },
            new() { MemberId = ids["c"], Name = "Sjöby kommun", Percent = c },
        ],
    };

    [Fact]
    public async Task A_forbund_is_set_up_once_with_its_organisation_number_normalised_and_audited()
    {
        Assert.True((await CreateFederationAsync("2220000000")).Succeeded);
        var federation = await _factory.WithDbAsync(db => db.Federations.AsNoTracking().SingleAsync());
        Assert.Equal(("Samordningsförbundet Älvdalen", "222000-0000", "Älvby", 2025, FederationLogo.Png),
            (federation.Name, federation.OrganisationNumber, federation.Seat, federation.FirstFiscalYear!.Value, federation.LogoContentType));
        var entry = await _factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == nameof(Federation)));
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Contains("222000-0000", entry.Details, StringComparison.Ordinal);

        var second = await CreateFederationAsync();
        Assert.Equal([FederationHandler.AlreadyExists], second.Errors.Select(e => e.Message));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Federations.CountAsync()));
    }

    [Fact]
    public async Task An_invalid_organisation_number_is_refused_in_swedish_at_its_field_and_changes_nothing()
    {
        var refused = await CreateFederationAsync("222000-0001");
        Assert.Equal([new FieldError("OrganisationNumber", "Organisationsnumret 222000-0001 är inte giltigt: kontrollsiffran (den sista) stämmer inte.")], refused.Errors);
        Assert.False(await _factory.WithDbAsync(db => db.Federations.AnyAsync()));

        Assert.True((await CreateFederationAsync()).Succeeded);
        var version = await _factory.WithDbAsync(db => db.Federations.Select(f => f.Version).SingleAsync());
        var audits = await _factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var update = await With<FederationHandler, ChangeResult>(h => h.UpdateAsync(new FederationInput
        {
            Name = "Nytt namn", OrganisationNumber = "22200-00000", Seat = "Älvby", FirstFiscalYear = 2025, Version = version,
        }, CancellationToken.None));
        Assert.Equal("OrganisationNumber", Assert.Single(update.Errors).Field);
        Assert.StartsWith("Organisationsnumret ska ha tio siffror", update.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("Samordningsförbundet Älvdalen", await _factory.WithDbAsync(db => db.Federations.Select(f => f.Name).SingleAsync()));
        Assert.Equal(audits, await _factory.WithDbAsync(db => db.AuditEntries.CountAsync()));

        var member = await With<MemberHandler, ChangeResult>(h => h.AddAsync(
            new MemberInput { Name = "Region X", Kind = MemberKind.Region, OrganisationNumber = "232100-0017" }, CancellationToken.None));
        Assert.Equal("OrganisationNumber", Assert.Single(member.Errors).Field);
        Assert.False(await _factory.WithDbAsync(db => db.Members.AnyAsync()));
    }

    [Fact]
    public async Task A_seven_decimal_key_with_region_30_and_municipalities_20_adds_up_to_the_ore_and_resaving_changes_nothing()
    {
        var ids = await SetUpMembersAsync();
        var saved = await With<ContributionSplitHandler, ChangeResult>(h => h.SaveAsync(Year, PopulationSplit(ids), CancellationToken.None));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));

        var contributions = await _factory.WithDbAsync(db => db.MemberContributionsForYearAsync(Year));
        Assert.Equal(12_345_678.91m, contributions.Sum(c => c.Amount));
        var byName = contributions.ToDictionary(c => c.Member.Name, c => c);
        Assert.Equal(3_703_703.67m, byName["Region Älvdalen"].Amount);
        Assert.Equal(30m, byName["Region Älvdalen"].PercentOfTotal);
        Assert.Equal(0m, byName["Arbetsförmedlingen"].Amount);
        Assert.Equal(2_469_135.79m, byName["Älvby kommun"].Amount + byName["Forsby kommun"].Amount + byName["Sjöby kommun"].Amount);
        Assert.Equal(47.1234567m, await _factory.WithDbAsync(db => db.MunicipalityShares.Where(s => s.MemberId == ids["b"]).Select(s => s.Percent).SingleAsync()));
        var entry = await _factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "ContributionSplit"));
        Assert.Contains("region 30 %, kommuner 20 %", entry.Details, StringComparison.Ordinal);
        Assert.Contains("Forsby kommun 47,1234567 %", entry.Details, StringComparison.Ordinal);

        // The form as the page would fill it, saved again unchanged: the same key and the same amounts to the öre.
        var form = await With<ContributionSplitHandler, ContributionSplitInput>(h => h.FormAsync(Year, CancellationToken.None));
        Assert.Equal(["41,3572819", "47,1234567", "11,5192614"], form.Shares.OrderBy(s => s.MemberId).Select(s => s.Percent));
        Assert.True((await With<ContributionSplitHandler, ChangeResult>(h => h.SaveAsync(Year, form, CancellationToken.None))).Succeeded);
        var again = await _factory.WithDbAsync(db => db.MemberContributionsForYearAsync(Year));
        Assert.Equal(contributions.Select(c => (c.Member.Id, c.Amount)), again.Select(c => (c.Member.Id, c.Amount)));

        // A stale form is refused.
        var stale = await With<ContributionSplitHandler, ChangeResult>(h => h.SaveAsync(Year, form, CancellationToken.None));
        Assert.Equal([WritePath.ConcurrencyMessage], stale.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task A_key_that_does_not_add_up_is_refused_with_its_sum_and_nothing_is_saved()
    {
        var ids = await SetUpMembersAsync();
        var refused = await With<ContributionSplitHandler, ChangeResult>(h => h.SaveAsync(Year, PopulationSplit(ids, c: "11,5192613"), CancellationToken.None));
        Assert.Equal([new FieldError("Shares", "Kommunernas andelar ska tillsammans vara 100 %, inte 99,9999999 %.")], refused.Errors);

        var split = PopulationSplit(ids);
        split.RegionPercent = "25";
        var wrongSplit = await With<ContributionSplitHandler, ChangeResult>(h => h.SaveAsync(Year, split, CancellationToken.None));
        Assert.Contains(wrongSplit.Errors, e => e.Field == "RegionPercent" && e.Message.EndsWith("inte 45 %.", StringComparison.Ordinal));
        await _factory.WithDbAsync(async db =>
        {
            Assert.False(await db.FiscalYears.AnyAsync());
            Assert.False(await db.ContributionSplits.AnyAsync());
            Assert.False(await db.MunicipalityShares.AnyAsync());
            Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == "ContributionSplit"));
            return 0;
        });
    }

    [Fact]
    public async Task Amounts_per_member_are_a_mode_of_their_own_and_the_state_pays_half()
    {
        var ids = await SetUpMembersAsync();
        ContributionSplitInput Amounts(string state) => new()
        {
            Mode = ContributionMode.Amount,
            Amounts =
            [
                new() { MemberId = ids["fk"], Name = "Försäkringskassan", Amount = state },
                new() { MemberId = ids["region"], Name = "Region Älvdalen", Amount = "3 000 000" },
                new() { MemberId = ids["a"], Name = "Älvby kommun", Amount = "1 200 000,50" },
                new() { MemberId = ids["b"], Name = "Forsby kommun", Amount = "799 999,50" },
                new() { MemberId = ids["c"], Name = "Sjöby kommun", Amount = "" },
            ],
        };
        var refused = await With<ContributionSplitHandler, ChangeResult>(h => h.SaveAsync(Year, Amounts("4 000 000"), CancellationToken.None));
        Assert.Equal("Amounts", Assert.Single(refused.Errors).Field);
        Assert.StartsWith("Staten (Försäkringskassan) ska enligt lag betala hälften", refused.Errors[0].Message, StringComparison.Ordinal);

        Assert.True((await With<ContributionSplitHandler, ChangeResult>(h => h.SaveAsync(Year, Amounts("5 000 000"), CancellationToken.None))).Succeeded);
        var contributions = (await _factory.WithDbAsync(db => db.MemberContributionsForYearAsync(Year))).ToDictionary(c => c.Member.Name, c => c.Amount);
        Assert.Equal(1_200_000.50m, contributions["Älvby kommun"]);
        Assert.Equal(0m, contributions["Sjöby kommun"]);
        Assert.Equal(10_000_000m, await _factory.WithDbAsync(db => db.FiscalYears.Where(y => y.Year == Year).Select(y => y.MemberContributionTotal!.Value).SingleAsync()));
    }

    [Fact]
    public async Task A_closed_year_refuses_its_split_and_a_membership_change_that_reaches_into_it()
    {
        var ids = await SetUpMembersAsync();
        await _factory.WithDbAsync(async db =>
        {
            var closed = FiscalYear.CalendarYear(2025);
            closed.Status = FiscalYearStatus.Closed;
            db.FiscalYears.Add(closed);
            return await db.SaveChangesAsync();
        });
        var audits = await _factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var message = WritePath.ClosedYearMessage(2025);

        var split = await With<ContributionSplitHandler, ChangeResult>(h => h.SaveAsync(2025, PopulationSplit(ids), CancellationToken.None));
        Assert.Equal([message], split.Errors.Select(e => e.Message));

        var version = await _factory.WithDbAsync(db => db.Members.Where(m => m.Id == ids["c"]).Select(m => m.Version).SingleAsync());
        var endInClosed = await With<MemberHandler, ChangeResult>(h => h.EndAsync(ids["c"], new DateOnly(2025, 6, 30), version, CancellationToken.None));
        Assert.Equal([message], endInClosed.Errors.Select(e => e.Message));
        var kind = await With<MemberHandler, ChangeResult>(h => h.UpdateAsync(ids["c"],
            new MemberInput { Name = "Sjöby kommun", Kind = MemberKind.Region, OrganisationNumber = "212000-1033", Version = version }, CancellationToken.None));
        Assert.Equal([message], kind.Errors.Select(e => e.Message));
        var board = await With<BoardHandler, ChangeResult>(h => h.SaveBoardMemberAsync(null,
            new BoardAssignmentInput { Name = "Eva Ek", MemberId = ids["c"], TermFrom = new DateOnly(2025, 1, 1) }, CancellationToken.None));
        Assert.Equal([message], board.Errors.Select(e => e.Message));
        Assert.Equal(audits, await _factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Null(await _factory.WithDbAsync(db => db.Members.Where(m => m.Id == ids["c"]).Select(m => m.MemberTo).SingleAsync()));

        // Ending after the closed year, and a board term from the open year, are fine.
        Assert.True((await With<MemberHandler, ChangeResult>(h => h.EndAsync(ids["c"], new DateOnly(2026, 6, 30), version, CancellationToken.None))).Succeeded);
        Assert.True((await With<BoardHandler, ChangeResult>(h => h.SaveBoardMemberAsync(null,
            new BoardAssignmentInput { Name = "Eva Ek", MemberId = ids["c"], TermFrom = new DateOnly(2026, 1, 1) }, CancellationToken.None))).Succeeded);
    }

    [Fact]
    public async Task Overlapping_board_terms_in_the_same_seat_are_refused_and_the_years_board_signs()
    {
        var ids = await SetUpMembersAsync();
        Task<ChangeResult> Seat(string name, string member, DateOnly from, DateOnly? to = null, BoardOffice office = BoardOffice.None) =>
            With<BoardHandler, ChangeResult>(h => h.SaveBoardMemberAsync(null,
                new BoardAssignmentInput { Name = name, MemberId = ids[member], TermFrom = from, TermTo = to, Office = office }, CancellationToken.None));

        Assert.True((await Seat("Karin Ek", "a", new(2023, 1, 1), new(2026, 12, 31), BoardOffice.Chair)).Succeeded);
        Assert.True((await Seat("Lars Berg", "region", new(2023, 1, 1), office: BoardOffice.ViceChair)).Succeeded);
        Assert.True((await Seat("Maria Lind", "fk", new(2023, 1, 1))).Succeeded);
        var overlap = await Seat("Per Sund", "a", new(2026, 6, 1));
        Assert.Equal([new FieldError("TermFrom", "Älvby kommuns plats som ledamot 1 har redan Karin Ek 2023-01-01–2026-12-31: mandatperioderna överlappar.")], overlap.Errors);
        Assert.Equal(3, await _factory.WithDbAsync(db => db.BoardAssignments.CountAsync()));
        Assert.True((await Seat("Per Sund", "a", new(2027, 1, 1))).Succeeded);

        Assert.True((await With<BoardHandler, ChangeResult>(h => h.SaveAuditorAsync(null,
            new AuditorInput { Name = "Göran Alm", AppointedByMemberId = ids["region"], TermFrom = new(2023, 1, 1) }, CancellationToken.None))).Succeeded);
        Assert.True((await With<BoardHandler, ChangeResult>(h => h.SaveDirectorAsync(null,
            new DirectorInput { Name = "Anna Chef", From = new(2020, 1, 1) }, CancellationToken.None))).Succeeded);
        var second = await With<BoardHandler, ChangeResult>(h => h.SaveDirectorAsync(null, new DirectorInput { Name = "Bo Ny", From = new(2026, 1, 1) }, CancellationToken.None));
        Assert.Equal(["Anna Chef är förbundschef från 2020-01-01: förbundet har en förbundschef åt gången."], second.Errors.Select(e => e.Message));

        var organisation = await _factory.WithDbAsync(db => db.OrganisationOfYearAsync(2026));
        Assert.Equal(
            [("Karin Ek", "Ordförande, Älvby kommun"), ("Lars Berg", "Vice ordförande, Region Älvdalen"), ("Maria Lind", "Ledamot, Försäkringskassan")],
            organisation.BoardSignatories());
        Assert.Equal(["Göran Alm"], organisation.Auditors.Select(a => a.Name));
        Assert.Equal("Region Älvdalen", organisation.Auditors[0].AppointedBy!.Name);
        Assert.Equal(["Anna Chef"], organisation.Directors.Select(d => d.Name));
        Assert.Equal(["Lars Berg", "Maria Lind", "Per Sund"], (await _factory.WithDbAsync(db => db.OrganisationOfYearAsync(2027))).BoardSignatories().Select(s => s.Name));
        Assert.Equal(4, await _factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(BoardAssignment))));
    }
}

/// <summary>The demo förbund is set up through the same handlers, and its members' history is kept.</summary>
public sealed class DemoOrganisationTests : IAsyncLifetime, IDisposable
{
    private const int LastYear = 2025;
    private static readonly System.Text.Json.JsonSerializerOptions ReadableJson = new(Finsam.Web.Features.AnnualReport.ReportEndpoints.Json)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly FinsamFactory _factory = new();

    public async Task InitializeAsync() => await _factory.SeedDemoAsync(LastYear);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_demo_organisation_went_through_the_handlers()
    {
        await _factory.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Federation) && e.Action == AuditAction.Create));
            Assert.Equal(6, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Member) && e.Action == AuditAction.Create));
            Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.EntityType == "ContributionSplit"));
            Assert.Equal(12, await db.BoardAssignments.CountAsync());
            Assert.Equal(2, await db.Auditors.CountAsync());
            var splits = await db.ContributionSplits.AsNoTracking().ToListAsync();
            Assert.Equal(3, splits.Count);
            Assert.All(splits, s => Assert.Equal((ContributionMode.Percent, 25m, 25m), (s.Mode, s.RegionPercent, s.MunicipalityPercent)));
            return 0;
        });

        // The year still running has no signatories written: its report is signed by the board of the year.
        var organisation = await _factory.WithDbAsync(db => db.OrganisationOfYearAsync(LastYear));
        Assert.Equal(("Karin Ekholm", "Ordförande, Åkerby kommun"), organisation.BoardSignatories()[0]);
        Assert.Equal(6, organisation.BoardSignatories().Count);
    }

    [Fact]
    public async Task A_member_with_enrolments_cannot_be_deleted_but_can_be_ended_and_stays_in_earlier_years()
    {
        var (id, version) = await _factory.WithDbAsync(db => db.Members.Where(m => m.Name == "Bergsjö kommun").Select(m => new Tuple<int, Guid>(m.Id, m.Version)).SingleAsync())
            is var t ? (t.Item1, t.Item2) : default;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<MemberHandler>();
            var refused = await handler.DeleteAsync(id, version, CancellationToken.None);
            Assert.Equal(["Bergsjö kommun har medlemsbidrag, deltaganden, insatser och styrelseledamöter och kan inte tas bort. Avsluta medlemskapet i stället (ange sista dag som medlem)."],
                refused.Errors.Select(e => e.Message));
        }

        Assert.True(await _factory.WithDbAsync(db => db.Members.AnyAsync(m => m.Id == id)));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var ended = await scope.ServiceProvider.GetRequiredService<MemberHandler>().EndAsync(id, new DateOnly(LastYear, 12, 31), version, CancellationToken.None);
            Assert.True(ended.Succeeded, string.Join(" ", ended.Errors.Select(e => e.Message)));
        }

        Assert.Contains("Bergsjö kommun", (await _factory.WithDbAsync(db => db.MembersOfYearAsync(LastYear))).Select(m => m.Name));
        Assert.DoesNotContain("Bergsjö kommun", (await _factory.WithDbAsync(db => db.MembersOfYearAsync(LastYear + 1))).Select(m => m.Name));
        var entry = await _factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Member) && e.Action == AuditAction.Update).SingleAsync());
        Assert.Contains($"medlemskapet avslutat {LastYear}-12-31", entry.Details, StringComparison.Ordinal);

        // A member nothing refers to can be removed.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<MemberHandler>();
            var (added, newId) = await handler.AddWithIdAsync(new MemberInput { Name = "Nyby kommun", Kind = MemberKind.Municipality, MemberFrom = new DateOnly(LastYear + 1, 1, 1) }, CancellationToken.None);
            Assert.True(added.Succeeded);
            var newVersion = await _factory.WithDbAsync(db => db.Members.Where(m => m.Id == newId).Select(m => m.Version).SingleAsync());
            Assert.True((await handler.DeleteAsync(newId, newVersion, CancellationToken.None)).Succeeded);
        }

        Assert.False(await _factory.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "Nyby kommun")));
    }

    [Fact]
    public async Task Without_written_signatories_the_report_is_signed_by_the_board_of_the_year()
    {
        var year = LastYear - 1;
        await _factory.WithDbAsync(db => db.ReportSignatories.Where(s => s.Year == year).ExecuteDeleteAsync());
        await using var scope = _factory.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<Finsam.Web.Features.AnnualReport.AnnualReportService>().BuildAsync(year, CancellationToken.None);
        var json = System.Text.Json.JsonSerializer.Serialize(model, ReadableJson);

        // The written list had Strandvik's ledamot before Bergsjö's; the board of the year is ordered by member: Bergsjö first.
        Assert.Contains("\"Ordförande, Åkerby kommun\"", json, StringComparison.Ordinal);
        var signatures = json[json.IndexOf("Karin Ekholm\",", StringComparison.Ordinal)..];
        Assert.True(signatures.IndexOf("Ahmed Karimi", StringComparison.Ordinal) < signatures.IndexOf("Sofia Nyström", StringComparison.Ordinal), signatures[..Math.Min(800, signatures.Length)]);
        var signed = model!.Sections.SelectMany(s => s.Blocks).OfType<Finsam.Reporting.AnnualReport.SignatureBlock>().Single().Signatories;
        Assert.DoesNotContain(signed, s => s.Name == "Per Sundin");   // ersättare do not sign (the organisation part lists them)
    }

    [Fact]
    public async Task The_demo_contributions_are_those_of_the_former_fixed_split()
    {
        var contributions = await _factory.WithDbAsync(db => db.MemberContributionsForYearAsync(LastYear - 1));
        var byName = contributions.ToDictionary(c => c.Member.Name, c => c.Amount);
        var total = contributions.Sum(c => c.Amount);
        Assert.Equal(total / 2m, byName["Försäkringskassan"]);
        Assert.Equal(total / 4m, byName["Region Norrsund"]);
        Assert.Equal(total / 4m * 0.47m, byName["Åkerby kommun"]);
        Assert.Equal(total / 4m * 0.06m, byName["Strandviks kommun"]);
    }
}
