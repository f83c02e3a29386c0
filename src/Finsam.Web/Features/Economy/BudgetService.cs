using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Budget;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;
using Finsam.Domain.Insatser;
using Finsam.Domain.Participants.Import;
using Finsam.Reporting.Tabular;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// The budget of a fiscal year: the lines to fill in (every insats that runs in the year and the categories without
/// an insats), saving them from the form, and importing or exporting them as a file. Saving or importing replaces
/// the year's budget in one transaction; a closed year is never changed.
/// </summary>
public sealed class BudgetService(FinsamDbContext db, AuditLog audit)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>A line of the budget form: a category (with or without an insats) and its amounts.</summary>
    public sealed record SheetLine(OperatingCategory Category, int? InsatsId, string? Code, string Text, decimal Income, decimal Cost, string? Comment)
    {
        public decimal Net => Income - Cost;
    }

    /// <param name="Version">The fiscal year's version when the form was made (empty before the year exists): a save
    /// from a form older than the last change is refused, so two people editing the budget cannot overwrite each other.</param>
    public sealed record Sheet(int Year, bool Closed, IReadOnlyList<SheetLine> Lines, Guid Version = default)
    {
        public OperatingFigures Total => OperatingFigures.Sum(Lines.Select(l => new OperatingFigures(l.Income, l.Cost)));
    }

    public sealed record Outcome(IReadOnlyList<RowError> Errors, int Lines)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    /// <summary>The year's budget form: saved lines, plus an empty line for every insats running in the year and each category without an insats.</summary>
    public async Task<Sheet> SheetAsync(int year, CancellationToken cancellationToken)
    {
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var saved = fiscalYear is null ? [] : await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken);
        var insatser = await db.Insatser.AsNoTracking().ToListAsync(cancellationToken);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var lines = new List<SheetLine>();
        foreach (var category in Enum.GetValues<OperatingCategory>())
        {
            if (BudgetRowParser.CategoriesWithoutInsats.Contains(category))
            {
                var line = saved.FirstOrDefault(b => b.Category == category && b.InsatsId is null);
                lines.Add(new SheetLine(category, null, null, SwedishNames.Of(category), line?.Income ?? 0m, line?.Cost ?? 0m, line?.Comment));
            }

            foreach (var insats in insatser
                .Where(i => BudgetRowParser.CategoryOf(i) == category && (i.RunsDuring(from, to) || saved.Any(b => b.InsatsId == i.Id)))
                .OrderBy(i => i.Code, NaturalCodeComparer.Instance))
            {
                var line = saved.FirstOrDefault(b => b.InsatsId == insats.Id);
                lines.Add(new SheetLine(category, insats.Id, insats.Code, insats.Name, line?.Income ?? 0m, line?.Cost ?? 0m, line?.Comment));
            }
        }

        return new Sheet(year, fiscalYear is { IsClosed: true }, lines, fiscalYear?.Version ?? Guid.Empty);
    }

    /// <summary>Reads a budget file (the columns of <see cref="BudgetFileFormat"/>) and, when every line is right, replaces the year's budget with it.</summary>
    public async Task<Outcome> ImportAsync(int year, Stream file, string fileName, CancellationToken cancellationToken)
    {
        Table table;
        try
        {
            table = TableReader.Read(file, fileName);
        }
        catch (TableFormatException ex)
        {
            return new Outcome([new RowError(0, "Fil", ex.Message)], 0);
        }

        var missing = BudgetFileFormat.RequiredColumns.Where(c => table.ColumnOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            return new Outcome(missing.Select(c => new RowError(1, c, $"Kolumnen \"{c}\" saknas. Kolumnerna ska vara: {string.Join(", ", BudgetFileFormat.Columns)}.")).ToList(), 0);
        }

        var parser = new BudgetRowParser(await db.Insatser.AsNoTracking().ToListAsync(cancellationToken));
        var columns = BudgetFileFormat.Columns.ToDictionary(c => c, table.ColumnOf);
        var errors = new List<RowError>();
        var entries = new List<BudgetEntry>();
        foreach (var row in table.Rows)
        {
            if (parser.Parse(row.Line, c => columns[c] >= 0 ? row[columns[c]] : "", errors) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return errors.Count > 0 ? new Outcome(errors, 0) : await ReplaceAsync(year, entries, $"inläst från {Path.GetFileName(fileName)}", cancellationToken);
    }

    /// <summary>
    /// Replaces the year's budget with the given, already checked, lines. Lines with no amounts and no comment are not
    /// stored. With <paramref name="formVersion"/> (the form's <see cref="Sheet.Version"/>) the save is refused when
    /// the budget changed since the form was opened; a file import replaces the budget whatever it was.
    /// </summary>
    public async Task<Outcome> ReplaceAsync(int year, IReadOnlyList<BudgetEntry> entries, string how, CancellationToken cancellationToken, Guid? formVersion = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (fiscalYear is { IsClosed: true })
        {
            return new Outcome([new RowError(0, "År", WritePath.ClosedYearMessage(year))], 0);
        }

        if (formVersion is { } expected && (fiscalYear?.Version ?? Guid.Empty) != expected)
        {
            return new Outcome([new RowError(0, "År", WritePath.ConcurrencyMessage)], 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        fiscalYear = await FiscalYears.FindOrCreateAsync(db, year, cancellationToken);
        if (formVersion is { } seen && seen != Guid.Empty)
        {
            // The year gets a new version with the budget, and the save checks in the database that it still has the
            // form's: a save that raced this one is refused instead of overwritten.
            db.CheckVersion(fiscalYear, seen);
            db.Entry(fiscalYear).Property(f => f.Version).IsModified = true;
        }
        else
        {
            db.Entry(fiscalYear).Property(f => f.Version).IsModified = db.Entry(fiscalYear).State != EntityState.Added;
        }

        db.BudgetLines.RemoveRange(await db.BudgetLines.Where(b => b.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken));
        var kept = entries.Where(e => e.Income != 0m || e.Cost != 0m || e.Comment is not null).ToList();
        db.BudgetLines.AddRange(kept.Select(e => new BudgetLine
        {
            FiscalYearId = fiscalYear.Id, Category = e.Category, InsatsId = e.InsatsId, Income = e.Income, Cost = e.Cost, Comment = e.Comment,
        }));
        var total = OperatingFigures.Sum(kept.Select(e => new OperatingFigures(e.Income, e.Cost)));
        audit.Add(AuditAction.Update, "Budget", year.ToString(CultureInfo.InvariantCulture),
            $"{how}: {kept.Count} rader, intäkter {SwedishFormat.Kronor(total.Income)}, kostnader {SwedishFormat.Kronor(total.Cost)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome([new RowError(0, "År", WritePath.ConcurrencyMessage)], 0);
        }

        await transaction.CommitAsync(cancellationToken);
        return new Outcome([], kept.Count);
    }

    /// <summary>The year's budget form as an Excel file in the import format, to fill in and read back.</summary>
    public async Task<byte[]> ExportAsync(int year, CancellationToken cancellationToken)
    {
        var sheet = await SheetAsync(year, cancellationToken);
        return TableWriter.WriteExcel(
            $"Budget {year}",
            BudgetFileFormat.Columns,
            sheet.Lines.Select(l => (IReadOnlyList<object?>)[SwedishNames.Of(l.Category), l.Code, l.Text, l.Income, l.Cost, l.Comment]),
            [28, 12, 40, 14, 14, 40]);
    }

    /// <summary>The insatser the form may name, for turning the posted lines into entries.</summary>
    public Task<List<Insats>> InsatserAsync(CancellationToken cancellationToken) => db.Insatser.AsNoTracking().ToListAsync(cancellationToken);
}
