using Finsam.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Finsam.Data.Configurations;

internal sealed class FederationConfiguration : IEntityTypeConfiguration<Federation>
{
    public void Configure(EntityTypeBuilder<Federation> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(Federation.NameMaxLength);
        builder.Property(f => f.OrganisationNumber).HasMaxLength(20);
        builder.Property(f => f.Seat).HasMaxLength(Federation.SeatMaxLength);
        builder.Property(f => f.PostalAddress).HasMaxLength(Federation.PostalAddressMaxLength);
        builder.Property(f => f.Logo).HasMaxLength(FederationLogo.MaxBytes);
        builder.Property(f => f.LogoContentType).HasMaxLength(50);
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(Member.NameMaxLength);
        builder.Property(m => m.OrganisationNumber).HasMaxLength(20);
        builder.HasIndex(m => m.Name).IsUnique();
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class BoardAssignmentConfiguration : IEntityTypeConfiguration<BoardAssignment>
{
    public void Configure(EntityTypeBuilder<BoardAssignment> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(BoardAssignment.NameMaxLength);
        builder.HasOne(b => b.Member).WithMany().HasForeignKey(b => b.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.MemberId, b.Role, b.Seat, b.TermFrom });
        builder.Property(b => b.Version).IsConcurrencyToken();
    }
}

internal sealed class AuditorConfiguration : IEntityTypeConfiguration<Auditor>
{
    public void Configure(EntityTypeBuilder<Auditor> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Auditor.NameMaxLength);
        builder.HasOne(a => a.AppointedBy).WithMany().HasForeignKey(a => a.AppointedByMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class FederationDirectorConfiguration : IEntityTypeConfiguration<FederationDirector>
{
    public void Configure(EntityTypeBuilder<FederationDirector> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(FederationDirector.NameMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(StaffMember.NameMaxLength);
        builder.Property(s => s.Title).HasMaxLength(StaffMember.TitleMaxLength);
        builder.Property(s => s.EmploymentPercent).HasPrecision(5, 2);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
