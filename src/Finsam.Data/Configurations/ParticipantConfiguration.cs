using Finsam.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Finsam.Data.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        // Hex of an HMAC-SHA256: 64 characters. Unique so one person is one participant.
        builder.Property(p => p.PersonKeyHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(p => p.PersonKeyHash).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsIdentified);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasOne(e => e.Participant).WithMany(p => p.Enrolments)
            .HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Insats).WithMany()
            .HasForeignKey(e => e.InsatsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.ReferringMember).WithMany()
            .HasForeignKey(e => e.ReferringMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.HomeMunicipality).HasMaxLength(100);
        builder.Property(e => e.EndReasonSubCode).HasMaxLength(100);
        builder.Property(e => e.ImportKey).HasMaxLength(64);
        builder.HasIndex(e => e.ImportKey);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.DaysInInsats);

        // Statistics select enrolments by insats and period.
        builder.HasIndex(e => new { e.InsatsId, e.StartDate, e.EndDate });

        // A year's statistics read every enrolment active in the year (ParticipantStatisticsQuery): this index holds
        // every column they read, so the query reads it alone (and each participant) instead of visiting the table's
        // row of each enrolment, which was half the query's time at 20 000 enrolments (docs/performance.md).
        builder.HasIndex(e => new
        {
            e.StartDate,
            e.EndDate,
            e.InsatsId,
            e.ParticipantId,
            e.EndReason,
            e.Education,
            e.TimeInSupportBeforeStart,
            e.ReferringMemberId,
            e.SupportAtStart,
            e.SupportAtEnd,
            e.FollowUp12Months,
            e.HomeMunicipality,
            e.EndReasonSubCode,
        }).HasDatabaseName("IX_Enrolments_StatisticsFacts");

        // The year's statistics count the 12-month follow-up of the enrolments that ended the year before in the
        // database: this index answers that count alone (ParticipantStatisticsQuery). Ended enrolments only, so that
        // the list's "pågående" filter (EndDate IS NULL) is never sent to it instead of the list's own index.
        builder.HasIndex(e => new { e.EndDate, e.InsatsId, e.FollowUp12Months })
            .HasDatabaseName("IX_Enrolments_EndedFollowUps")
            .HasFilter("EndDate IS NOT NULL");

        // The participant list (newest first, paged) counts and pages over this index alone: its order is the list's
        // order and it holds every column the list filters on, so only the 50 rows of a page are read from the table.
        // The gender filter tests the enrolment's copy of the participant's gender (kept by FinsamDbContext), so it too is
        // answered here instead of by one participant lookup per candidate enrolment.
        builder.HasIndex(e => new { e.StartDate, e.Id, e.EndDate, e.InsatsId, e.ParticipantId, e.ParticipantGender });
    }
}

internal sealed class EndReasonCodeConfiguration : IEntityTypeConfiguration<EndReasonCode>
{
    public void Configure(EntityTypeBuilder<EndReasonCode> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Name).IsUnique();

        // The sub-code the annual reports of several förbund show; more are added in the app.
        builder.HasData(new EndReasonCode { Id = 1, EndReason = EndReason.Work, Name = "Subventionerad anställning" });
    }
}
