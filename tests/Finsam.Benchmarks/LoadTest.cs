using System.Diagnostics;
using System.Globalization;

namespace Finsam.Benchmarks;

/// <summary>
/// A small load generator: <c>--load [url] [clients] [seconds] [path ...]</c>. N concurrent HttpClients request the
/// given pages of a running app round-robin for T seconds, then requests/s and p50/p95 latency are printed.
/// Defaults: http://127.0.0.1:5000, 8 clients, 20 seconds, the pages open without signing in.
/// </summary>
public static class LoadTest
{
    private static readonly string[] DefaultPaths = ["/health", "/Konto/LoggaIn"];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var baseAddress = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5000");
        var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var paths = args.Length > 3 ? args[3..] : DefaultPaths;

        await Console.Out.WriteLineAsync($"{clients} clients, {seconds} s against {baseAddress}: {string.Join(", ", paths)}");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(n => ClientAsync(baseAddress, paths, n, stop.Token)));
        var elapsed = clock.Elapsed;

        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var failures = results.Sum(r => r.Failures);
        if (latencies.Length == 0)
        {
            await Console.Error.WriteLineAsync("No request succeeded.");
            return 1;
        }

        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{latencies.Length} ok, {failures} failed in {elapsed.TotalSeconds:0.0} s: {latencies.Length / elapsed.TotalSeconds:0.0} requests/s, " +
            $"p50 {Percentile(latencies, 0.50):0.0} ms, p95 {Percentile(latencies, 0.95):0.0} ms, max {latencies[^1]:0.0} ms"));
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(List<double> Latencies, int Failures)> ClientAsync(Uri baseAddress, string[] paths, int offset, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        var latencies = new List<double>();
        var failures = 0;
        for (var n = offset; !stop.IsCancellationRequested; n++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(new Uri(paths[n % paths.Length], UriKind.Relative), stop);
                _ = await response.Content.ReadAsByteArrayAsync(stop);
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
