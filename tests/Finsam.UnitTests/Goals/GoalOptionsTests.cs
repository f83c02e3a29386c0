using Finsam.Domain.Goals;
using Finsam.Web.Features.Goals;
using Microsoft.Extensions.Configuration;

namespace Finsam.UnitTests.Goals;

public sealed class GoalOptionsTests
{
    private static IConfiguration Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(GoalOptions.Section);

    [Fact]
    public void Without_settings_the_default_scale_is_used()
    {
        Assert.Same(RatingScale.Default, GoalOptions.ReadScale(Section([])));
    }

    [Fact]
    public void A_configured_scale_replaces_the_default()
    {
        var scale = GoalOptions.ReadScale(Section(new()
        {
            ["Goals:RatingScale:0:Name"] = "Uppfyllt",
            ["Goals:RatingScale:0:SuggestedFor"] = "AllGoalsMet",
            ["Goals:RatingScale:1:Name"] = "Ej uppfyllt",
            ["Goals:RatingScale:1:SuggestedFor"] = "NotMet",
            ["Goals:RatingScale:2:Name"] = "Ej tillämpbar",
        }));
        Assert.Equal(["Uppfyllt", "Ej uppfyllt", "Ej tillämpbar"], scale.Levels.Select(l => l.Name));
        Assert.Equal("Ej uppfyllt", scale.Suggest(RatingBasis.NotMet)!.Name);
        Assert.Null(scale.Suggest(RatingBasis.InsatsEnded));
    }

    [Fact]
    public void A_faulty_scale_stops_the_start_with_a_swedish_message()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => GoalOptions.ReadScale(Section(new()
        {
            ["Goals:RatingScale:0:Name"] = "Bra",
            ["Goals:RatingScale:1:Name"] = "bra",
        })));
        Assert.Contains("Nivån \"Bra\" finns flera gånger", ex.Message, StringComparison.Ordinal);
    }
}
