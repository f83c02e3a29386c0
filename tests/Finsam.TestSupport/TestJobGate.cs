using Finsam.Web.Jobs;

namespace Finsam.TestSupport;

/// <summary>
/// A gate the test controls: while closed, a job the worker has started waits (state Running) until the test opens it.
/// Starts closed. <see cref="Reached"/> completes when the worker is waiting at the gate. <see cref="Close"/> closes
/// it again for the next job (a journey run at two widths).
/// </summary>
public sealed class TestJobGate : IJobGate
{
    private TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<Job> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first job that waits at the gate since it was last closed.</summary>
    public Task<Job> Reached => Volatile.Read(ref _reached).Task;

    public void Open() => Volatile.Read(ref _open).TrySetResult();

    /// <summary>Closes the gate for the next job; call it when no job is waiting at it.</summary>
    public void Close()
    {
        Volatile.Write(ref _reached, new TaskCompletionSource<Job>(TaskCreationOptions.RunContinuationsAsynchronously));
        Volatile.Write(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public async Task WaitAsync(Job job, CancellationToken cancellationToken)
    {
        Volatile.Read(ref _reached).TrySetResult(job);
        await Volatile.Read(ref _open).Task.WaitAsync(cancellationToken);
    }
}
