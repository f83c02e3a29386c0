using Finsam.Web.Validation;

namespace Finsam.UnitTests.Validation;

/// <summary>The once-only tokens' memory is bounded by count and by kept page bytes, not only by time.</summary>
public sealed class OnceOnlyFormsTests
{
    private static readonly OnceOnlyAnswer Redirect = new("/Deltagare", null, null);

    [Fact]
    public async Task A_repeat_gets_the_first_answer_and_a_refused_post_frees_its_token()
    {
        var forms = new OnceOnlyForms(TimeProvider.System);
        Assert.Null(forms.Claim("u:1"));
        var repeat = forms.Claim("u:1");
        Assert.NotNull(repeat);
        forms.Complete("u:1", Redirect);
        Assert.Same(Redirect, await repeat);

        Assert.Null(forms.Claim("u:2"));
        forms.Complete("u:2", null);
        Assert.Null(forms.Claim("u:2"));
    }

    [Fact]
    public void Beyond_the_count_the_oldest_answered_tokens_are_forgotten_and_running_posts_keep_theirs()
    {
        var forms = new OnceOnlyForms(TimeProvider.System);
        Assert.Null(forms.Claim("running"));
        for (var i = 0; i < OnceOnlyForms.MaxTokens + 10; i++)
        {
            Assert.Null(forms.Claim($"u:{i}"));
            forms.Complete($"u:{i}", Redirect);
        }

        Assert.True(forms.Count <= OnceOnlyForms.MaxTokens, $"{forms.Count} tokens kept");
        Assert.NotNull(forms.Claim("running"));
        Assert.NotNull(forms.Claim($"u:{OnceOnlyForms.MaxTokens + 9}"));
        Assert.Null(forms.Claim("u:0"));
    }

    [Fact]
    public void Pages_kept_for_repeats_stop_at_their_byte_bound_and_a_page_beyond_it_frees_its_token()
    {
        var forms = new OnceOnlyForms(TimeProvider.System);
        var page = new byte[OnceOnlyForms.MaxPageBytes];
        var fit = (int)(OnceOnlyForms.MaxKeptPageBytes / page.Length);
        for (var i = 0; i < fit; i++)
        {
            Assert.Null(forms.Claim($"p:{i}"));
            forms.Complete($"p:{i}", new OnceOnlyAnswer(null, page, "text/html"));
        }

        Assert.NotNull(forms.Claim($"p:{fit - 1}"));
        Assert.Null(forms.Claim("p:over"));
        forms.Complete("p:over", new OnceOnlyAnswer(null, page, "text/html"));
        Assert.Null(forms.Claim("p:over"));
    }
}
