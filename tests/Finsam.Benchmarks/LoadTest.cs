using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Finsam.Benchmarks;

/// <summary>
/// A small load generator: <c>--load [url] [clients] [seconds] [path ...] [--user EMAIL] [--password PASSWORD]</c>.
/// N concurrent HttpClients request the given pages of a running app round-robin for T seconds, then requests/s and
/// p50/p95 latency are printed, in all and per page. Defaults: http://127.0.0.1:5000, 8 clients, 20 seconds, the pages
/// open without signing in. With a user (<c>--user</c> or <c>FINSAM_LOAD_USER</c>) and password (<c>--password</c> or,
/// better, <c>FINSAM_LOAD_PASSWORD</c>) it first signs in once through the real form, antiforgery token and all, and
/// every client sends that cookie; the default pages are then the signed-in ones. The user must sign in without a
/// second step (a role without two-factor sign-in, such as Kansli or Förbundschef). Only addresses on this machine.
/// </summary>
public static partial class LoadTest
{
    private static readonly string[] AnonymousPaths = ["/health", "/Konto/LoggaIn"];

    /// <summary>The participant list, the dashboard and last year's statements (the demo's last finished year, with a ledger).</summary>
    private static readonly string[] SignedInPaths = ["/Deltagare", "/Oversikt", $"/Ekonomi/Rakenskaper/{DateTime.Today.Year - 1}"];

    private const string SignInPath = "/Konto/LoggaIn";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positional = new List<string>();
        string? user = Environment.GetEnvironmentVariable("FINSAM_LOAD_USER");
        string? password = Environment.GetEnvironmentVariable("FINSAM_LOAD_PASSWORD");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--user" when i + 1 < args.Length: user = args[++i]; break;
                case "--password" when i + 1 < args.Length: password = args[++i]; break;
                default: positional.Add(args[i]); break;
            }
        }

        var baseAddress = new Uri(positional.Count > 0 ? positional[0] : "http://127.0.0.1:5000");
        var clients = positional.Count > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 8;
        var seconds = positional.Count > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 20;
        var signedIn = !string.IsNullOrEmpty(user);
        var paths = positional.Count > 3 ? positional.Skip(3).ToArray() : signedIn ? SignedInPaths : AnonymousPaths;
        if (!baseAddress.IsLoopback)
        {
            await Console.Error.WriteLineAsync($"{baseAddress} is not an address on this machine; the load test only runs against a local app.");
            return 2;
        }

        var cookies = new CookieContainer();
        if (signedIn)
        {
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync("A user needs a password: --password or FINSAM_LOAD_PASSWORD.");
                return 2;
            }

            if (await SignInAsync(baseAddress, cookies, user!, password) is { } error)
            {
                await Console.Error.WriteLineAsync(error);
                return 1;
            }
        }

        await Console.Out.WriteLineAsync($"{clients} clients, {seconds} s against {baseAddress}{(signedIn ? $" signed in as {user}" : "")}: {string.Join(", ", paths)}");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(n => ClientAsync(baseAddress, cookies, signedIn, paths, n, stop.Token)));
        var elapsed = clock.Elapsed;

        var all = results.SelectMany(r => r.Latencies).ToList();
        var failures = results.Sum(r => r.Failures);
        if (all.Count == 0)
        {
            await Console.Error.WriteLineAsync($"No request succeeded ({failures} failed).");
            return 1;
        }

        await Console.Out.WriteLineAsync(Summary($"{all.Count} ok, {failures} failed in {elapsed.TotalSeconds:0.0} s: {all.Count / elapsed.TotalSeconds:0.0} requests/s,", all.Select(l => l.Milliseconds)));
        foreach (var path in paths)
        {
            var latencies = all.Where(l => l.Path == path).Select(l => l.Milliseconds).ToList();
            if (latencies.Count > 0)
            {
                await Console.Out.WriteLineAsync(Summary($"  {path}: {latencies.Count} ok,", latencies));
            }
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>Signs in through the form: GET it for the antiforgery token and cookie, POST the credentials; null when signed in.</summary>
    private static async Task<string?> SignInAsync(Uri baseAddress, CookieContainer cookies, string user, string password)
    {
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        var form = await client.GetStringAsync(new Uri(SignInPath, UriKind.Relative));
        var token = TokenPattern().Match(form);
        if (!token.Success)
        {
            return $"{SignInPath} has no antiforgery token.";
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync(new Uri(SignInPath, UriKind.Relative), content);
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location.StartsWith("/Konto/LoggaIn2FA", StringComparison.OrdinalIgnoreCase) =>
                $"{user} signs in with two-factor authentication; use a user without it (for example a Kansli or Förbundschef user).",
            HttpStatusCode.Redirect when !location.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase) => null,
            _ => $"Signing in as {user} failed ({(int)response.StatusCode}): wrong user name or password, or the sign-in rate limit.",
        };
    }

    private static async Task<(List<(string Path, double Milliseconds)> Latencies, int Failures)> ClientAsync(
        Uri baseAddress, CookieContainer cookies, bool signedIn, string[] paths, int offset, CancellationToken stop)
    {
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        var latencies = new List<(string, double)>();
        var failures = 0;
        for (var n = offset; !stop.IsCancellationRequested; n++)
        {
            var path = paths[n % paths.Length];
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), stop);
                _ = await response.Content.ReadAsByteArrayAsync(stop);
                // Signed in, a page that sends the client to the sign-in form has failed (the cookie was not accepted).
                var sentToSignIn = signedIn && !path.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase)
                    && response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase) == true;
                if (response.IsSuccessStatusCode && !sentToSignIn)
                {
                    latencies.Add((path, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                }
                else
                {
                    failures++;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException)
            {
                failures++;
            }
        }

        return (latencies, failures);
    }

    private static string Summary(string head, IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"{head} p50 {Percentile(sorted, 0.50):0.0} ms, p95 {Percentile(sorted, 0.95):0.0} ms, max {sorted[^1]:0.0} ms");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
