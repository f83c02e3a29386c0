using Finsam.Data.Identity;
using Finsam.Domain;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Budget;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.Domain.Participants;
using Finsam.Domain.Reports;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data;

/// <summary>The one database of Finsam. Provider-neutral: migrations live per provider (see docs/architecture.md).</summary>
public class FinsamDbContext(DbContextOptions<FinsamDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data protection keys (cookies, antiforgery), shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Federation> Federations => Set<Federation>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Insats> Insatser => Set<Insats>();

    public DbSet<InsatsYearSettings> InsatsYearSettings => Set<InsatsYearSettings>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<EndReasonCode> EndReasonCodes => Set<EndReasonCode>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<FiscalYear> FiscalYears => Set<FiscalYear>();

    public DbSet<MunicipalityShare> MunicipalityShares => Set<MunicipalityShare>();

    public DbSet<ContributionSplit> ContributionSplits => Set<ContributionSplit>();

    public DbSet<MemberContributionAmount> MemberContributionAmounts => Set<MemberContributionAmount>();

    public DbSet<BoardAssignment> BoardAssignments => Set<BoardAssignment>();

    public DbSet<Auditor> Auditors => Set<Auditor>();

    public DbSet<FederationDirector> FederationDirectors => Set<FederationDirector>();

    /// <summary>The kansli register: who worked on the kansli, as what and how much, when.</summary>
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<LedgerImport> LedgerImports => Set<LedgerImport>();

    public DbSet<LedgerAccount> LedgerAccounts => Set<LedgerAccount>();

    public DbSet<LedgerBalance> LedgerBalances => Set<LedgerBalance>();

    public DbSet<Voucher> Vouchers => Set<Voucher>();

    public DbSet<VoucherLine> VoucherLines => Set<VoucherLine>();

    public DbSet<AccountMappingRule> AccountMappingRules => Set<AccountMappingRule>();

    public DbSet<GoalArea> GoalAreas => Set<GoalArea>();

    public DbSet<Objective> Objectives => Set<Objective>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<InsatsGoal> InsatsGoals => Set<InsatsGoal>();

    public DbSet<InsatsRating> InsatsRatings => Set<InsatsRating>();

    public DbSet<SurveyRound> SurveyRounds => Set<SurveyRound>();

    public DbSet<SurveyResult> SurveyResults => Set<SurveyResult>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<ReportSectionSetting> ReportSectionSettings => Set<ReportSectionSetting>();

    public DbSet<ReportText> ReportTexts => Set<ReportText>();

    public DbSet<ReportSignatory> ReportSignatories => Set<ReportSignatory>();

    public DbSet<ReportArchive> ReportArchives => Set<ReportArchive>();

    public DbSet<Installation.InstallationSetting> InstallationSettings => Set<Installation.InstallationSetting>();

    private const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FinsamDbContext).Assembly);
        if (Database.ProviderName == SqliteProviderName)
        {
            // SQL Server's default collation compares insats codes without regard to case; SQLite is told to do the
            // same, so "p31" and "P31" are one code (and one unique key) on both.
            builder.Entity<Insats>().Property(i => i.Code).UseCollation("NOCASE");
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CopyParticipantGenderAsync(synchronous: true, CancellationToken.None).GetAwaiter().GetResult();
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await CopyParticipantGenderAsync(synchronous: false, cancellationToken);
        RenewVersions();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Keeps <see cref="Enrolment.ParticipantGender"/> equal to the participant's gender, in the same SaveChanges as the
    /// change: a new enrolment, an enrolment moved to another participant (gallring gives it a new anonymous one), and a
    /// participant whose gender is corrected (every enrolment of the person, read into the tracker when not already there).
    /// The one place the copy is written, besides the enrolment import's bulk insert of new rows.
    /// </summary>
    private async Task CopyParticipantGenderAsync(bool synchronous, CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        var corrected = ChangeTracker.Entries<Participant>()
            .Where(p => p.State == EntityState.Modified && p.Property(x => x.Gender).IsModified)
            .Select(p => p.Entity)
            .ToList();
        foreach (var participant in corrected)
        {
            var enrolments = Enrolments.Where(e => e.ParticipantId == participant.Id);
            var loaded = synchronous ? enrolments.ToList() : await enrolments.ToListAsync(cancellationToken);
            foreach (var enrolment in loaded.Where(e => e.ParticipantGender != participant.Gender))
            {
                enrolment.ParticipantGender = participant.Gender;
            }
        }

        Dictionary<int, Participant>? tracked = null;
        var unknown = new List<Enrolment>();
        foreach (var entry in ChangeTracker.Entries<Enrolment>().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var enrolment = entry.Entity;
            // Added participants have no id yet (and are reached through the enrolment's navigation).
            tracked ??= ChangeTracker.Entries<Participant>().Where(p => p.State != EntityState.Added).ToDictionary(p => p.Entity.Id, p => p.Entity);
            if ((enrolment.Participant ?? tracked.GetValueOrDefault(enrolment.ParticipantId)) is { } participant)
            {
                enrolment.ParticipantGender = participant.Gender;
            }
            else if (entry.State == EntityState.Added || entry.Property(e => e.ParticipantId).IsModified)
            {
                unknown.Add(enrolment);
            }
        }

        if (unknown.Count == 0)
        {
            return;
        }

        // The participants not in the tracker: their genders in one query.
        var ids = unknown.Select(e => e.ParticipantId).Distinct().ToList();
        var query = Participants.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Gender });
        var genders = (synchronous ? query.ToList() : await query.ToListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Gender);
        foreach (var enrolment in unknown)
        {
            enrolment.ParticipantGender = genders.TryGetValue(enrolment.ParticipantId, out var gender)
                ? gender
                : throw new InvalidOperationException($"Enrolment of participant {enrolment.ParticipantId}, which does not exist.");
        }
    }

    /// <summary>Gives every added or modified <see cref="IVersioned"/> entity a new concurrency token.</summary>
    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
