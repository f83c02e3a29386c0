using Finsam.Data.Queries;

namespace Finsam.Web.Features.Goals;

/// <summary>The model of the partial _FederationGoals: read-only on the dashboard, with edit links for the kansli.</summary>
public sealed record GoalsView(int Year, IReadOnlyList<GoalAreaStatus> Areas, bool Editable);

/// <summary>The model of the partial _InsatsGoals.</summary>
public sealed record InsatsGoalsView(int Year, IReadOnlyList<InsatsGoalStatus> Insatser, bool Editable);

/// <summary>The model of the partial _Chart: the data, how to draw it and the heading of the table's first column.</summary>
public sealed record ChartView(Finsam.Reporting.Charts.ChartData Data, Finsam.Reporting.Charts.ChartKind Kind, string CategoryHeader);

/// <summary>The model of the partial _BreakdownTable.</summary>
public sealed record BreakdownView(string Caption, string Header, IReadOnlyList<(string Label, Finsam.Domain.Statistics.GenderCounts Counts)> Rows);
