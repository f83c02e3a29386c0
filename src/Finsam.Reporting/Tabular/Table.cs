namespace Finsam.Reporting.Tabular;

/// <summary>A file of rows read as text: the header row and the data rows, each with its line number in the file.</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows)
{
    /// <summary>How a CSV file's text was encoded, in Swedish words ("UTF-8", "UTF-8 med BOM", "Windows-1252"); null for Excel.</summary>
    public string? Encoding { get; init; }

    /// <summary>The column index of a header, ignoring case and surrounding spaces, or -1.</summary>
    public int ColumnOf(string header)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i].Trim(), header, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <param name="Line">The row's line (CSV) or row number (Excel) in the file, for messages.</param>
public sealed record TableRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>
    /// The trimmed cell of a column, or "" when the row is shorter or the column is absent. The apostrophe that
    /// <see cref="TableWriter.NeutraliseFormula"/> puts before text like "=..." is taken away again.
    /// </summary>
    public string this[int column]
    {
        get
        {
            var text = column >= 0 && column < Cells.Count ? Cells[column].Trim() : "";
            return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
        }
    }

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A file that cannot be read as a table; the message is Swedish and names the line.</summary>
public sealed class TableFormatException : Exception
{
    public TableFormatException(string message)
        : base(message)
    {
    }

    public TableFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableFormatException()
    {
    }
}
