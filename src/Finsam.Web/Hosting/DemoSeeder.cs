using System.Text;
using Finsam.Data;
using Finsam.Data.Demo;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Web.Features.Economy;
using Finsam.Web.Features.Organisation;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Hosting;

/// <summary>
/// Seeds the demo förbund through the same paths a förbund's own setup uses: the förbund, its members, each year's
/// contribution split and key, the board, the auditors and the förbundschef through the organisation's handlers
/// (validated and audited like a user's entries); then the rest of the generated data (<see cref="DemoDataSeeder"/>);
/// and the finished years' ledgers through the real SIE import, so the demo's statements are made exactly as a real
/// förbund's would be. A step the demo cannot pass stops the seeding with the handler's message.
/// </summary>
public static class DemoSeeder
{
    /// <returns>The saved data, or null when the database already held a förbund.</returns>
    public static Task<DemoData?> SeedAsync(IServiceProvider services, int lastYear, CancellationToken cancellationToken = default) =>
        SeedAsync(services, lastYear, DemoDataGenerator.DefaultParticipantCount, cancellationToken);

    /// <summary>As above with another number of generated participants (the benchmarks use a large förbund).</summary>
    public static async Task<DemoData?> SeedAsync(IServiceProvider services, int lastYear, int participantCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<FinsamDbContext>();
        if (await db.Federations.AnyAsync(cancellationToken))
        {
            return null;
        }

        var data = DemoDataSeeder.Generate(lastYear, participantCount);
        await SeedOrganisationAsync(services, data, cancellationToken);
        await DemoDataSeeder.SeedAsync(db, data, cancellationToken);
        await SeedContributionsAsync(services, data, cancellationToken);
        await SeedBoardAsync(services, data, cancellationToken);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var pc8 = Encoding.GetEncoding(437);
        var importer = services.GetRequiredService<LedgerImporter>();
        foreach (var year in data.Economy.Where(e => e.Sie is not null))
        {
            var outcome = await importer.ImportAsync(pc8.GetBytes(year.Sie!), $"demo-{year.Year}.se", cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Demobokföringen för {year.Year} kunde inte läsas in: {outcome.Error}");
            }
        }

        return data;
    }

    /// <summary>The förbund and its members, through <see cref="FederationHandler"/> and <see cref="MemberHandler"/>; the generated members get the saved ids.</summary>
    private static async Task SeedOrganisationAsync(IServiceProvider services, DemoData data, CancellationToken cancellationToken)
    {
        var federation = data.Federation;
        Require("förbundet", await services.GetRequiredService<FederationHandler>().CreateAsync(new FederationInput
        {
            Name = federation.Name,
            OrganisationNumber = federation.OrganisationNumber,
            Seat = federation.Seat,
            PostalAddress = federation.PostalAddress,
            FirstFiscalYear = federation.FirstFiscalYear,
        }, cancellationToken));

        var members = services.GetRequiredService<MemberHandler>();
        foreach (var member in data.Members)
        {
            var (result, id) = await members.AddWithIdAsync(new MemberInput
            {
                Name = member.Name,
                Kind = member.Kind,
                OrganisationNumber = member.OrganisationNumber,
                MemberFrom = member.MemberFrom,
                MemberTo = member.MemberTo,
            }, cancellationToken);
            Require(member.Name, result);
            member.Id = id;
        }
    }

    /// <summary>Each year's total, the förbundsordning's split and the municipalities' key, through <see cref="ContributionSplitHandler"/>.</summary>
    private static async Task SeedContributionsAsync(IServiceProvider services, DemoData data, CancellationToken cancellationToken)
    {
        var splits = services.GetRequiredService<ContributionSplitHandler>();
        foreach (var economy in data.Economy)
        {
            Require($"medlemsbidragen {economy.Year}", await splits.SaveAsync(economy.Year, new ContributionSplitInput
            {
                Total = SwedishFormat.Number(economy.MemberContributionTotal, 2),
                RegionPercent = ContributionSplitInput.Exact(economy.RegionPercent),
                MunicipalityPercent = ContributionSplitInput.Exact(economy.MunicipalityPercent),
                Shares = economy.MunicipalityKey.Select(k => new KeyShareInput { MemberId = k.Member.Id, Name = k.Member.Name, Percent = ContributionSplitInput.Exact(k.Percent) }).ToList(),
            }, cancellationToken));
        }
    }

    /// <summary>The board, the auditors and the förbundschef, through <see cref="BoardHandler"/>; the kansli through <see cref="StaffHandler"/>.</summary>
    private static async Task SeedBoardAsync(IServiceProvider services, DemoData data, CancellationToken cancellationToken)
    {
        var board = services.GetRequiredService<BoardHandler>();
        var organisation = data.Organisation;
        foreach (var seat in organisation.Board)
        {
            Require(seat.Name, await board.SaveBoardMemberAsync(null, new BoardAssignmentInput
            {
                Name = seat.Name,
                MemberId = seat.Member!.Id,
                Role = seat.Role,
                Seat = seat.Seat,
                Office = seat.Office,
                TermFrom = seat.TermFrom,
                TermTo = seat.TermTo,
            }, cancellationToken));
        }

        foreach (var auditor in organisation.Auditors)
        {
            Require(auditor.Name, await board.SaveAuditorAsync(null, new AuditorInput
            {
                Name = auditor.Name, AppointedByMemberId = auditor.AppointedBy!.Id, TermFrom = auditor.TermFrom, TermTo = auditor.TermTo,
            }, cancellationToken));
        }

        foreach (var director in organisation.Directors)
        {
            Require(director.Name, await board.SaveDirectorAsync(null, new DirectorInput { Name = director.Name, From = director.From, To = director.To }, cancellationToken));
        }

        var kansli = services.GetRequiredService<StaffHandler>();
        foreach (var staff in organisation.Staff)
        {
            Require(staff.Name, await kansli.SaveAsync(null, new StaffInput
            {
                Name = staff.Name, Title = staff.Title, EmploymentPercent = staff.EmploymentPercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                From = staff.From, To = staff.To,
            }, cancellationToken));
        }
    }

    private static void Require(string what, ChangeResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demodata ({what}) kunde inte sparas: {string.Join(" ", result.Errors.Select(e => e.Message))}");
        }
    }
}
