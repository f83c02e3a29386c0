namespace Finsam.IntegrationTests;

/// <summary>
/// Tests that assert on a time limit (a PDF rendering abandoned after its timeout, the next one finishing within it)
/// run alone, after the parallel tests, so that a busy CI machine cannot push an ordinary rendering over the limit.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing-sensitive";
}
