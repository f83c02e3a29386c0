using BenchmarkDotNet.Running;
using Finsam.Benchmarks;

if (args.Length > 0 && args[0] == "--load")
{
    return await LoadTest.RunAsync(args[1..]);
}

// WebApplicationFactory does not find Finsam.Web's content root from a benchmark run; name it (its documented override).
const string ContentRoot = "ASPNETCORE_TEST_CONTENTROOT_FINSAM_WEB";
if (Environment.GetEnvironmentVariable(ContentRoot) is null)
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Finsam.sln")))
    {
        directory = directory.Parent;
    }

    Environment.SetEnvironmentVariable(ContentRoot, Path.Combine(directory?.FullName ?? ".", "src", "Finsam.Web"));
}

BenchmarkSwitcher.FromAssembly(typeof(LoadTest).Assembly).Run(args);
return 0;
