using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace Finsam.Benchmarks;

/// <summary>
/// Short jobs for a small machine: one warm-up and three measured runs of each operation (Monitoring: one call per
/// run, since every operation here takes milliseconds to seconds). In process, because the app under test
/// (WebApplicationFactory on a SQLite file) is set up once per benchmark class and must find Finsam.Web's content root.
/// </summary>
public sealed class FinsamBenchmarkConfig : ManualConfig
{
    public FinsamBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithToolchain(InProcessNoEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
