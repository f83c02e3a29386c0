using Finsam.Web.Jobs;

namespace Finsam.TestSupport;

/// <summary>
/// A gate the test controls: while closed, a job the worker has started waits (state Running) until the test opens it.
/// Starts closed. <see cref="Reached"/> completes when the worker is waiting at the gate.
/// </summary>
public sealed class TestJobGate : IJobGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Job> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first job that waits at the gate.</summary>
    public Task<Job> Reached => _reached.Task;

    public void Open() => _open.TrySetResult();

    public async Task WaitAsync(Job job, CancellationToken cancellationToken)
    {
        _reached.TrySetResult(job);
        await _open.Task.WaitAsync(cancellationToken);
    }
}
