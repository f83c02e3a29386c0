namespace Finsam.TestSupport;

/// <summary>
/// The date the tests run at, whatever the machine's calendar says, so that a failure (around New Year, say) can be
/// reproduced on any day. The app under test gets <see cref="Provider"/>: its clock starts at <see cref="Start"/> when
/// the test process starts and runs at the real pace from there, so sign-in cookies and lockouts behave as in
/// production. Tests that must move the clock give a factory a <c>FakeTimeProvider</c> of their own.
/// </summary>
public static class TestClock
{
    /// <summary>When the tests' clock starts: a Monday in November, late enough that the year's figures exist.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The clock the app under test reads, shared by every factory in the process.</summary>
    public static TimeProvider Provider { get; } = new ShiftedTimeProvider(Start);

    /// <summary>Today's date for the app under test (a test run does not last until midnight).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Provider.GetLocalNow().DateTime);

    /// <summary>The system clock moved to start at a given instant.</summary>
    private sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _offset = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}
