using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Finsam.Data.Configurations;

internal static class GoalMeasureMapping
{
    /// <summary>The measure's columns in the owner's table, named Measure_*.</summary>
    public static void MapMeasure<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, GoalMeasure?>> measure)
        where T : class
    {
        builder.OwnsOne(measure, m =>
        {
            m.Property(x => x.Target).HasPrecision(18, 2);
            m.Property(x => x.ManualResult).HasPrecision(18, 2);
            m.Property(x => x.SourceNote).HasMaxLength(500);
            m.Property(x => x.ResultText).HasMaxLength(2000);
            m.Ignore(x => x.IsShare);
            m.Ignore(x => x.IsPercentagePoints);
            m.Ignore(x => x.IsKronor);
            m.Ignore(x => x.IsQualitative);
            m.Ignore(x => x.IsComputed);
            m.Ignore(x => x.HasManualBasis);
            m.Ignore(x => x.IsOutcome);
        });
        builder.Navigation(measure!).IsRequired();
    }
}

internal sealed class GoalAreaConfiguration : IEntityTypeConfiguration<GoalArea>
{
    public void Configure(EntityTypeBuilder<GoalArea> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Comment).HasMaxLength(4000);
        builder.Property(a => a.AssessmentReason).HasMaxLength(1000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Year, a.Number });
        builder.HasMany(a => a.Objectives).WithOne(o => o.GoalArea).HasForeignKey(o => o.GoalAreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.Text).HasMaxLength(1000);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasMany(o => o.Indicators).WithOne(i => i.Objective).HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(1000);
        builder.Property(i => i.Comment).HasMaxLength(4000);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.MapMeasure(i => i.Measure);
    }
}

internal sealed class InsatsGoalConfiguration : IEntityTypeConfiguration<InsatsGoal>
{
    public void Configure(EntityTypeBuilder<InsatsGoal> builder)
    {
        builder.Property(g => g.Text).HasMaxLength(1000);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne(g => g.Insats).WithMany().HasForeignKey(g => g.InsatsId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.Year, g.InsatsId });
        builder.MapMeasure(g => g.Measure);
    }
}

internal sealed class InsatsRatingConfiguration : IEntityTypeConfiguration<InsatsRating>
{
    public void Configure(EntityTypeBuilder<InsatsRating> builder)
    {
        builder.Property(r => r.Rating).HasMaxLength(100);
        builder.Property(r => r.OverrideReason).HasMaxLength(2000);
        builder.Property(r => r.Comment).HasMaxLength(4000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Insats).WithMany().HasForeignKey(r => r.InsatsId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.InsatsId, r.Year }).IsUnique();
    }
}

internal sealed class SurveyRoundConfiguration : IEntityTypeConfiguration<SurveyRound>
{
    public void Configure(EntityTypeBuilder<SurveyRound> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Comment).HasMaxLength(4000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.Year);
        builder.HasMany(r => r.Results).WithOne(r => r.SurveyRound).HasForeignKey(r => r.SurveyRoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyResultConfiguration : IEntityTypeConfiguration<SurveyResult>
{
    public void Configure(EntityTypeBuilder<SurveyResult> builder)
    {
        builder.Property(r => r.Group).HasMaxLength(200);
        builder.Property(r => r.Question).HasMaxLength(500);
        builder.Property(r => r.NegativePercent).HasPrecision(5, 2);
        builder.Property(r => r.NeutralPercent).HasPrecision(5, 2);
        builder.Property(r => r.PositivePercent).HasPrecision(5, 2);
        builder.Property(r => r.NationalPositivePercent).HasPrecision(5, 2);
        builder.Ignore(r => r.HasCounts);
        builder.Ignore(r => r.PositiveShare);
        builder.Ignore(r => r.NeutralShare);
        builder.Ignore(r => r.NegativeShare);
    }
}
