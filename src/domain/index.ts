export * from "./meeting/state.ts";
export * from "./meeting/context.ts";
export * from "./meeting/decide.ts";
export * from "./meeting/apply.ts";
export * from "./meeting/queueOrder.ts";
export * from "./meeting/roles.ts";
export * from "./meeting/projection.ts";
export { agendaItems, itemOf, itemPlannedMinutes, plannedVsScheduled, unfinishedItemIds, type PlannedVsScheduled } from "./agenda/selectors.ts";
export { templateItems, type TemplateItem } from "./agenda/templates.ts";
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
