using System.Text.Json;
using System.Text.Json.Serialization;

namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// The report model as JSON: what <c>/api/arsredovisning/{year}</c> returns, and what the archive keeps of an adopted
/// report, so that the adopted year's JSON and preview show the adopted figures, not a recomputation.
/// </summary>
public static class ReportJson
{
    /// <summary>Web casing, enums by name, nulls left out; fields included, so a column's difference (a tuple) is written as its two columns.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IncludeFields = true,
        WriteIndented = true,
    };

    public static string Serialize(AnnualReportModel model) => JsonSerializer.Serialize(model, Options);

    /// <summary>A model read back from <see cref="Serialize"/>: the same sections, tables and figures.</summary>
    public static AnnualReportModel Deserialize(string json) =>
        JsonSerializer.Deserialize<AnnualReportModel>(json, Options) ?? throw new JsonException("The archived report model is empty.");
}
