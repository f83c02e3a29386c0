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
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
