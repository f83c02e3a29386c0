using Finsam.Domain.Insatser;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Finsam.Data.Configurations;

internal sealed class InsatsConfiguration : IEntityTypeConfiguration<Insats>
{
    public void Configure(EntityTypeBuilder<Insats> builder)
    {
        builder.ToTable("Insatser");
        builder.Property(i => i.Code).HasMaxLength(20);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.TargetGroup).HasMaxLength(500);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.Property(i => i.CoFunding).HasMaxLength(200);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasMany(i => i.Executors).WithMany().UsingEntity("InsatsExecutors");
    }
}

internal sealed class InsatsYearSettingsConfiguration : IEntityTypeConfiguration<InsatsYearSettings>
{
    public void Configure(EntityTypeBuilder<InsatsYearSettings> builder)
    {
        builder.ToTable("InsatsYearSettings");
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Insats).WithMany().HasForeignKey(s => s.InsatsId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.InsatsId, s.Year }).IsUnique();
    }
}
