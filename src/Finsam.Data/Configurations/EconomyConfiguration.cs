using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Budget;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Insatser;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Finsam.Data.Configurations;

internal sealed class FiscalYearConfiguration : IEntityTypeConfiguration<FiscalYear>
{
    public void Configure(EntityTypeBuilder<FiscalYear> builder)
    {
        builder.HasIndex(y => y.Year).IsUnique();
        builder.Property(y => y.Version).IsConcurrencyToken();
        builder.Ignore(y => y.IsClosed);
        builder.Property(y => y.MemberContributionTotal).HasPrecision(18, 2);
        builder.Property(y => y.EquityCeiling).HasPrecision(18, 2);
        builder.Property(y => y.ContingentLiabilities).HasMaxLength(Domain.Economy.Statements.ContingentLiabilities.MaxLength);
        builder.OwnsOne(y => y.BalanceRequirement, adjustments =>
        {
            adjustments.Ignore(a => a.IsEmpty);
            foreach (var property in new[]
            {
                nameof(BalanceRequirementAdjustments.RealisationGains),
                nameof(BalanceRequirementAdjustments.RealisationGainsByException),
                nameof(BalanceRequirementAdjustments.RealisationLossesByException),
                nameof(BalanceRequirementAdjustments.UnrealisedLossesOnSecurities),
                nameof(BalanceRequirementAdjustments.ReversedUnrealisedLosses),
            })
            {
                adjustments.Property<decimal>(property).HasPrecision(18, 2).HasDefaultValue(0m).HasColumnName("BalanceRequirement" + property);
            }
        });
        builder.Navigation(y => y.BalanceRequirement).IsRequired();
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.HasOne<FiscalYear>().WithMany().HasForeignKey(b => b.FiscalYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Insats>().WithMany().HasForeignKey(b => b.InsatsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.FiscalYearId, b.Category, b.InsatsId }).IsUnique();
        builder.Property(b => b.Income).HasPrecision(18, 2);
        builder.Property(b => b.Cost).HasPrecision(18, 2);
        builder.Property(b => b.Comment).HasMaxLength(500);
        builder.Ignore(b => b.Net);
    }
}

internal sealed class MunicipalityShareConfiguration : IEntityTypeConfiguration<MunicipalityShare>
{
    public void Configure(EntityTypeBuilder<MunicipalityShare> builder)
    {
        builder.HasOne<FiscalYear>().WithMany().HasForeignKey(s => s.FiscalYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Member).WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Percent).HasPrecision(PercentPrecision, MemberContributions.MaxPercentDecimals);
        builder.HasIndex(s => new { s.FiscalYearId, s.MemberId }).IsUnique();
    }

    /// <summary>Digits of a stored percentage: decimal(18,10), every decimal a key or split may be decided with.</summary>
    public const int PercentPrecision = 18;
}

internal sealed class ContributionSplitConfiguration : IEntityTypeConfiguration<ContributionSplit>
{
    public void Configure(EntityTypeBuilder<ContributionSplit> builder)
    {
        builder.HasOne<FiscalYear>().WithMany().HasForeignKey(s => s.FiscalYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.FiscalYearId).IsUnique();
        builder.Property(s => s.RegionPercent).HasPrecision(MunicipalityShareConfiguration.PercentPrecision, MemberContributions.MaxPercentDecimals);
        builder.Property(s => s.MunicipalityPercent).HasPrecision(MunicipalityShareConfiguration.PercentPrecision, MemberContributions.MaxPercentDecimals);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class MemberContributionAmountConfiguration : IEntityTypeConfiguration<MemberContributionAmount>
{
    public void Configure(EntityTypeBuilder<MemberContributionAmount> builder)
    {
        builder.HasOne<FiscalYear>().WithMany().HasForeignKey(a => a.FiscalYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Member).WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Amount).HasPrecision(18, 2);
        builder.HasIndex(a => new { a.FiscalYearId, a.MemberId }).IsUnique();
    }
}

internal sealed class LedgerImportConfiguration : IEntityTypeConfiguration<LedgerImport>
{
    public void Configure(EntityTypeBuilder<LedgerImport> builder)
    {
        builder.HasOne<FiscalYear>().WithMany().HasForeignKey(i => i.FiscalYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.FiscalYearId).IsUnique();
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.ImportedBy).HasMaxLength(256);
        builder.Property(i => i.CompanyName).HasMaxLength(200);
        builder.Property(i => i.OrganisationNumber).HasMaxLength(20);
        builder.Property(i => i.Warnings).HasMaxLength(20_000);
    }
}

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> builder)
    {
        builder.HasOne<FiscalYear>().WithMany().HasForeignKey(a => a.FiscalYearId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Number).HasMaxLength(10);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => new { a.FiscalYearId, a.Number }).IsUnique();
    }
}

internal sealed class LedgerBalanceConfiguration : IEntityTypeConfiguration<LedgerBalance>
{
    public void Configure(EntityTypeBuilder<LedgerBalance> builder)
    {
        builder.HasOne<FiscalYear>().WithMany().HasForeignKey(b => b.FiscalYearId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.Account).HasMaxLength(10);
        builder.Property(b => b.ObjectCode).HasMaxLength(50);
        builder.Property(b => b.Amount).HasPrecision(18, 2);
        builder.HasIndex(b => new { b.FiscalYearId, b.BalanceYear, b.Kind, b.Account });
    }
}

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> builder)
    {
        builder.HasOne<FiscalYear>().WithMany().HasForeignKey(v => v.FiscalYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Lines).WithOne().HasForeignKey(l => l.VoucherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.Series).HasMaxLength(20);
        builder.Property(v => v.Number).HasMaxLength(20);
        builder.Property(v => v.Text).HasMaxLength(500);
        builder.HasIndex(v => new { v.FiscalYearId, v.Date });
    }
}

internal sealed class VoucherLineConfiguration : IEntityTypeConfiguration<VoucherLine>
{
    public void Configure(EntityTypeBuilder<VoucherLine> builder)
    {
        builder.Property(l => l.Account).HasMaxLength(10);
        builder.Property(l => l.ObjectCode).HasMaxLength(50);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.Property(l => l.Text).HasMaxLength(500);
        builder.HasIndex(l => new { l.VoucherId });
        builder.HasIndex(l => new { l.Account, l.ObjectCode });
    }
}

internal sealed class AccountMappingRuleConfiguration : IEntityTypeConfiguration<AccountMappingRule>
{
    public void Configure(EntityTypeBuilder<AccountMappingRule> builder)
    {
        builder.Property(r => r.Prefix).HasMaxLength(10);
        builder.HasIndex(r => r.Prefix).IsUnique();
        builder.HasData(AccountMappingRule.Defaults.Select(r => new AccountMappingRule { Id = r.Id, Prefix = r.Prefix, Line = r.Line }));
    }
}
