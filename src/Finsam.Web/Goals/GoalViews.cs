using Finsam.Data.Queries;

namespace Finsam.Web.Goals;

/// <summary>The model of the partial _FederationGoals: read-only on the dashboard, with edit links for the kansli.</summary>
public sealed record GoalsView(int Year, IReadOnlyList<GoalAreaStatus> Areas, bool Editable);

/// <summary>The model of the partial _InsatsGoals.</summary>
public sealed record InsatsGoalsView(int Year, IReadOnlyList<InsatsGoalStatus> Insatser, bool Editable);
