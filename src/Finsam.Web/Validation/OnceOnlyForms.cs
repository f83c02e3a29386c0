using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Finsam.Web.Validation;

/// <summary>
/// A form is carried out once however often it is sent. Every POST form gets a once-only token
/// (<see cref="OnceOnlyFormTagHelper"/>); <see cref="OnceOnlyFormFilter"/> lets the first post with a token run and
/// answers a repeat (a double click on "Registrera", a reload that re-posts) with the first post's answer: the page it
/// led to, or the same page when it answered in place. A repeat that arrives while the first still runs waits for it.
/// A post that was refused (its form shown again with messages, or an error) leaves the token free, so the corrected
/// form can be sent again. Tokens are kept in memory (Finsam runs as one process on SQLite): a used token for
/// <see cref="Lifetime"/>, an answer given in place (its page kept to be shown again) for <see cref="PageLifetime"/>.
/// Memory is bounded by count as well as by time: at most <see cref="MaxTokens"/> tokens (the oldest answered are
/// forgotten first) and <see cref="MaxKeptPageBytes"/> of kept pages (beyond it an answer in place frees its token, as
/// a page over <see cref="MaxPageBytes"/> does).
/// </summary>
public sealed class OnceOnlyForms(TimeProvider clock)
{
    /// <summary>The hidden field's name.</summary>
    public const string Field = "__Engang";

    /// <summary>How long a used token is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    /// <summary>How long a page answered in place is kept for a repeat (double clicks come within seconds).</summary>
    public static readonly TimeSpan PageLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The largest page kept for a repeat; a larger answer frees its token instead.</summary>
    public const int MaxPageBytes = 4 * 1024 * 1024;

    /// <summary>The most tokens remembered at once; far above what an office sends in <see cref="Lifetime"/>.</summary>
    public const int MaxTokens = 50_000;

    /// <summary>The most bytes of pages kept for repeats at once.</summary>
    public const long MaxKeptPageBytes = 64L * 1024 * 1024;

    /// <summary>How long a repeat waits for the first post before it is shown the page as it is.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (TaskCompletionSource<OnceOnlyAnswer?> Answer, DateTimeOffset At)> _used = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// Claims the token for this post: null when it is the first (the caller runs it and must call
    /// <see cref="Complete"/>), otherwise the first post's answer to await; that answer is null when the first was
    /// refused (the repeat then runs as a post of its own).
    /// </summary>
    public Task<OnceOnlyAnswer?>? Claim(string key)
    {
        Forget();
        var mine = (new TaskCompletionSource<OnceOnlyAnswer?>(TaskCreationOptions.RunContinuationsAsynchronously), clock.GetUtcNow());
        var entry = _used.GetOrAdd(key, mine);
        return ReferenceEquals(entry.Answer, mine.Item1) ? null : entry.Answer.Task;
    }

    /// <summary>Records the first post's answer for its repeats, or null to free the token.</summary>
    public void Complete(string key, OnceOnlyAnswer? answer)
    {
        if (!_used.TryGetValue(key, out var entry))
        {
            return;
        }

        if (answer?.Page is { } page && KeptPageBytes() + page.Length > MaxKeptPageBytes)
        {
            answer = null;
        }

        if (answer is null)
        {
            _used.TryRemove(key, out _);
        }

        entry.Answer.TrySetResult(answer);
    }

    /// <summary>How many tokens are remembered now.</summary>
    public int Count => _used.Count;

    private long KeptPageBytes() =>
        _used.Values.Sum(e => e.Answer.Task is { IsCompletedSuccessfully: true, Result.Page: { } page } ? (long)page.Length : 0);

    private void Forget()
    {
        // A sweep looks at every token: once a minute is enough, or at once when the count is reached.
        var now = clock.GetUtcNow();
        if (now < _nextSweep && _used.Count < MaxTokens)
        {
            return;
        }

        _nextSweep = now + SweepInterval;
        foreach (var (key, entry) in _used)
        {
            var kept = entry.Answer.Task is { IsCompletedSuccessfully: true, Result.Page: not null } ? PageLifetime : Lifetime;
            if (entry.At < now - kept)
            {
                _used.TryRemove(key, out _);
            }
        }

        // Over the count: forget the oldest answered tokens (a post still running keeps its token).
        var over = _used.Count - MaxTokens + 1;
        if (over > 0)
        {
            foreach (var (key, _) in _used.Where(e => e.Value.Answer.Task.IsCompleted).OrderBy(e => e.Value.At).Take(over).ToList())
            {
                _used.TryRemove(key, out _);
            }
        }
    }
}

/// <summary>The first post's answer, given again to its repeats: where it led, or the page it answered with.</summary>
public sealed record OnceOnlyAnswer(string? Location, byte[]? Page, string? ContentType);

/// <summary>Runs a POST with a once-only token once, and answers its repeats with the first's answer (<see cref="OnceOnlyForms"/>).</summary>
public sealed class OnceOnlyFormFilter(OnceOnlyForms forms, TimeProvider clock) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var request = http.Request;
        // A re-execution of the same request (the error page after a 404 or an exception) is part of the first post.
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || !http.Items.TryAdd(typeof(OnceOnlyFormFilter), true)
            || request.Form[OnceOnlyForms.Field].ToString() is not { Length: > 0 and <= 64 } token)
        {
            await next();
            return;
        }

        var key = (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonym") + ":" + token;
        if (forms.Claim(key) is { } first)
        {
            OnceOnlyAnswer? answer;
            try
            {
                answer = await first.WaitAsync(OnceOnlyForms.LongestWait, clock, http.RequestAborted);
            }
            catch (TimeoutException)
            {
                answer = new OnceOnlyAnswer(PageItself(request), null, null);
            }

            if (answer is not null)
            {
                context.Result = answer.Location is not null
                    ? new RedirectResult(answer.Location)
                    : new FileContentResult(answer.Page!, answer.ContentType ?? "text/html; charset=utf-8");
                return;
            }

            // The first was refused: this one is a post of its own, with the token claimed anew.
            if (forms.Claim(key) is not null)
            {
                context.Result = new RedirectResult(PageItself(request));
                return;
            }
        }

        var page = new CopyingStream(http.Response.Body, OnceOnlyForms.MaxPageBytes);
        http.Response.Body = page;
        try
        {
            var executed = await next();
            var answeredInPlace = executed.Exception is null && executed.ModelState.IsValid;
            http.Response.OnCompleted(() =>
            {
                var response = http.Response;
                forms.Complete(key, response.StatusCode switch
                {
                    >= 300 and < 400 when response.Headers.Location.ToString() is { Length: > 0 } location => new OnceOnlyAnswer(location, null, null),
                    StatusCodes.Status200OK when answeredInPlace && page.Copy is { } copy => new OnceOnlyAnswer(null, copy, response.ContentType),
                    _ => null,
                });
                return Task.CompletedTask;
            });
        }
        catch
        {
            forms.Complete(key, null);
            throw;
        }
    }

    /// <summary>The page the post was sent to, as a GET (without its handler).</summary>
    private static string PageItself(HttpRequest request)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    /// <summary>Writes through to the response and keeps a copy of up to <paramref name="limit"/> bytes.</summary>
    private sealed class CopyingStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? _copy = new();

        /// <summary>The bytes written, or null when there were more than the limit.</summary>
        public byte[]? Copy => _copy?.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_copy is null)
            {
                return;
            }

            if (_copy.Length + bytes.Length > limit)
            {
                _copy = null;
                return;
            }

            _copy.Write(bytes);
        }
    }
}

/// <summary>Adds the once-only token (<see cref="OnceOnlyForms"/>) to every form that posts.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class OnceOnlyFormTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes["method"]?.Value?.ToString() is { } method && method.Equals("post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{OnceOnlyForms.Field}\" value=\"{Guid.NewGuid():N}\" />");
        }
    }
}
