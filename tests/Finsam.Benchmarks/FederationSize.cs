namespace Finsam.Benchmarks;

/// <summary>The size of the generated demo förbund a benchmark runs against.</summary>
public enum FederationSize
{
    /// <summary>The ordinary demo: 520 generated participants, about 230 enrolments active in the report year.</summary>
    Demo,

    /// <summary>A very large förbund: about 20 000 enrolments active in the report year.</summary>
    Large,
}

public static class FederationSizes
{
    /// <summary>Generated participants giving about 100 000 enrolments in all (the participant list benchmark).</summary>
    public const int HundredThousandEnrolments = 120_000;

    public static int ParticipantCount(this FederationSize size) => size switch
    {
        FederationSize.Demo => Finsam.Data.Demo.DemoDataGenerator.DefaultParticipantCount,
        FederationSize.Large => 46_000,
        _ => throw new ArgumentOutOfRangeException(nameof(size)),
    };
}
