using System.Security.Claims;
using System.Text.Json.Serialization;
using Finsam.Web.Jobs;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// What a SIE import job gives: what was read in or why not, and the kept file's token when the user must confirm a
/// proposal. The counts are kept on disk with the job; the proposal (<see cref="Review"/>) only in memory, so after a
/// restart the page asks for the file again instead.
/// </summary>
public sealed record LedgerImportJobResult(
    int Year, string? Error, bool Imported, bool NeedsConfirmation, int Accounts, int Vouchers, int Transactions, string? Warnings, string? Token)
{
    [JsonIgnore]
    public LedgerImportReview? Review { get; init; }

    public static LedgerImportJobResult Of(LedgerImporter.Outcome outcome, string? token)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new LedgerImportJobResult(outcome.Year, outcome.Error, outcome.Succeeded, outcome.NeedsConfirmation,
            outcome.Import?.AccountCount ?? 0, outcome.Import?.VoucherCount ?? 0, outcome.Import?.TransactionCount ?? 0, outcome.Import?.Warnings, token)
        {
            Review = outcome.Review,
        };
    }
}

/// <summary>
/// Starts the SIE import (and its confirmation) as a background job: the worker runs <see cref="LedgerImporter"/> in its
/// own scope as the user who started it. A file whose import needs the user's confirmation is kept
/// (<see cref="PendingLedgerFiles"/>) and the job's page shows the proposal with the confirmation form.
/// </summary>
public sealed class LedgerImportJobs(JobStore jobs, PendingLedgerFiles pending)
{
    /// <summary>Queues the import of a file, or of a kept file with the user's confirmation; null when the queue is full.</summary>
    public async Task<Job?> SubmitAsync(
        Stream file, string fileName, LedgerImporter.Confirmation? confirmation, string? keptToken, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName);
        return await jobs.SubmitAsync(JobKinds.LedgerImport, $"{JobKinds.SwedishName(JobKinds.LedgerImport)}: {name}", user, file,
            (context, token) => RunAsync(context, name, confirmation, keptToken, token), cancellationToken);
    }

    private async Task<JobOutcome> RunAsync(JobContext context, string fileName, LedgerImporter.Confirmation? confirmation, string? keptToken, CancellationToken cancellationToken)
    {
        var importer = context.Services.GetRequiredService<LedgerImporter>();
        var bytes = await File.ReadAllBytesAsync(context.InputPath!, cancellationToken);
        var outcome = await importer.ImportAsync(bytes, fileName, confirmation, context.Progress, cancellationToken);
        if (outcome.NeedsConfirmation)
        {
            return JobOutcome.Done(LedgerImportJobResult.Of(outcome, await pending.KeepAsync(bytes, fileName, cancellationToken))) with
            {
                Note = "inget sparat än: väntar på din bekräftelse",
            };
        }

        if (!outcome.Succeeded)
        {
            // A refused confirmation keeps its file, so the user can answer the proposal again.
            return JobOutcome.Refused(outcome.Error ?? "Filen lästes inte in.", LedgerImportJobResult.Of(outcome, confirmation is null ? null : keptToken));
        }

        pending.Remove(keptToken);
        return JobOutcome.Done(LedgerImportJobResult.Of(outcome, null)) with { Note = $"bokföringen för {outcome.Year} är inläst" };
    }
}
