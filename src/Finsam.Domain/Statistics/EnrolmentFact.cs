using Finsam.Domain.Participants;

namespace Finsam.Domain.Statistics;

/// <summary>
/// The few facts of an enrolment that participant statistics need. Queries project enrolments to this
/// shape so that statistics are computed by the same code in pages, reports and tests.
/// </summary>
public sealed record EnrolmentFact(
    int InsatsId,
    int ParticipantId,
    Gender Gender,
    DateOnly StartDate,
    DateOnly? EndDate,
    EndReason? EndReason);
