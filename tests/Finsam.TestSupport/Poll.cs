namespace Finsam.TestSupport;

/// <summary>Waiting for something that happens soon, without a fixed sleep: checks until it holds, within a bound.</summary>
public static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every 50 ms until it holds or <paramref name="bound"/> has passed; says whether it held.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + bound;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
