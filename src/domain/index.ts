export * from "./meeting/state.ts";
export * from "./meeting/context.ts";
export * from "./meeting/decide.ts";
export * from "./meeting/apply.ts";
export * from "./meeting/queueOrder.ts";
export * from "./meeting/roles.ts";
export * from "./meeting/projection.ts";
export { KIND_NAMES } from "./queue/order.ts";
export {
  floorMsByItem,
  floorStatsByPerson,
  floorStatsOf,
  floorTimeOf,
  totalFloorMs,
  turnClock,
  type FloorStats,
  type TurnClock,
} from "./queue/floorTime.ts";
export { dominant, equitySummary, fairShare, floorGini, gini, notSpokenInItem, shareOf, type Dominance } from "./queue/equity.ts";
export { baseOrder, isWaitingInRound, nextInRound, nextRoundStarter, remainingInRound, roundOrder } from "./queue/rounds.ts";
export { decideSystem, type SystemCommand } from "./queue/system.ts";
export { agendaItems, itemOf, itemPlannedMinutes, plannedVsScheduled, unfinishedItemIds, type PlannedVsScheduled } from "./agenda/selectors.ts";
export { templateItems, type TemplateItem } from "./agenda/templates.ts";
export { carryOverOffer, type CarriedItem, type CarryOverOffer } from "./agenda/carryOver.ts";
export type { PhasePlan, PhaseRef } from "./agenda/phases.ts";
export {
  assumptionOf,
  assumptionStatus,
  assumptionsForItem,
  dataLinksForItem,
  preworkCompleteness,
  type ParticipantPrework,
  type PreworkCompleteness,
} from "./prework/selectors.ts";
export { agendaSteps, currentPhase, currentStep, stepAfter, stepBefore, type CurrentPhaseView } from "./facilitation/walk.ts";
export { phaseClock, remainingMs, timeReport, type ItemTime, type PhaseClock, type PhaseTime } from "./facilitation/timer.ts";
export { parkingLotEntries } from "./facilitation/parkingLot.ts";
export {
  canEditNotes,
  currentRoleHolder,
  isOrganizer,
  isScribeOf,
  isTimekeeper,
  powersOf,
  rolesForItem,
  type Powers,
} from "./roles/holders.ts";
export { handOnRoles, type RotationInput } from "./roles/rotation.ts";
export { roleCounts } from "./roles/counts.ts";
export {
  allCommitments,
  canCaptureCommitment,
  canEditCommitment,
  canRetryCommitmentSync,
  commitmentOf,
  commitmentsForItem,
  commitmentsOwnedBy,
  isCommitmentKeeper,
  isCommitPhase,
  isOverdue,
  syncSummary,
  type SyncSummary,
} from "./commitments/selectors.ts";
export { dueDateProblem, isPastDue } from "./commitments/dueDate.ts";
export { decideCommitmentSystem, type CommitmentSystemCommand } from "./commitments/system.ts";
