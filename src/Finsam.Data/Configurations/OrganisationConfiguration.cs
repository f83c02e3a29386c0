using Finsam.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Finsam.Data.Configurations;

internal sealed class FederationConfiguration : IEntityTypeConfiguration<Federation>
{
    public void Configure(EntityTypeBuilder<Federation> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.OrganisationNumber).HasMaxLength(20);
        builder.Property(f => f.Seat).HasMaxLength(100);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.OrganisationNumber).HasMaxLength(20);
        builder.HasIndex(m => m.Name).IsUnique();
    }
}
