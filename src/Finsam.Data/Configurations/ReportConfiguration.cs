using Finsam.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Finsam.Data.Configurations;

internal sealed class ReportSectionSettingConfiguration : IEntityTypeConfiguration<ReportSectionSetting>
{
    public void Configure(EntityTypeBuilder<ReportSectionSetting> builder)
    {
        builder.HasIndex(s => s.Kind).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(ReportSectionSetting.MaxTitleLength);
        builder.HasData(ReportSectionSetting.Defaults.Select(d => new ReportSectionSetting { Id = d.Id, Kind = d.Kind, Title = d.Title, Order = d.Order, Enabled = d.Enabled }));
    }
}

internal sealed class ReportTextConfiguration : IEntityTypeConfiguration<ReportText>
{
    public void Configure(EntityTypeBuilder<ReportText> builder)
    {
        builder.HasIndex(t => new { t.Year, t.Kind, t.Version }).IsUnique();
        builder.Property(t => t.Markdown).HasMaxLength(ReportText.MaxLength);
        builder.Property(t => t.SavedBy).HasMaxLength(256);
    }
}

internal sealed class ReportSignatoryConfiguration : IEntityTypeConfiguration<ReportSignatory>
{
    public void Configure(EntityTypeBuilder<ReportSignatory> builder)
    {
        builder.HasIndex(s => new { s.Year, s.Order }).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.Title).HasMaxLength(120);
    }
}

internal sealed class ReportArchiveConfiguration : IEntityTypeConfiguration<ReportArchive>
{
    public void Configure(EntityTypeBuilder<ReportArchive> builder)
    {
        builder.HasIndex(a => new { a.Year, a.Version }).IsUnique();
        builder.Ignore(a => a.IsCurrent);
        builder.Property(a => a.AdoptedBy).HasMaxLength(256);
        builder.Property(a => a.DecisionMinute).HasMaxLength(ReportArchive.MaxMinuteLength);
        builder.Property(a => a.ReopenedBy).HasMaxLength(256);
        builder.Property(a => a.ReopenReason).HasMaxLength(ReportArchive.MaxReasonLength);
        builder.Property(a => a.PdfSha256).HasMaxLength(64);
        builder.Property(a => a.WorkbookSha256).HasMaxLength(64);
    }
}
