import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import {
  AgendaTemplateSchema,
  AppRoleSchema,
  AssumptionStatusSchema,
  CarryOverReasonSchema,
  ConfidenceSchema,
  DecisionRuleSchema,
  ItemModeSchema,
  ItemStatusSchema,
  MeetingStatusSchema,
  PhasePlanSchema,
  PhaseSchema,
  RotationPolicySchema,
  StoredHttpsUrlSchema,
  TimestampSchema,
  storedText,
} from "./fields.ts";

/** Where a carried-over item came from: the meeting, when it ended, and why the item was left open there. */
export const CarriedFromSchema = z.object({ meetingId: IdSchema, endedAt: TimestampSchema, reason: CarryOverReasonSchema });
export type CarriedFrom = z.infer<typeof CarriedFromSchema>;

export const AgendaItemSchema = z.object({
  itemId: IdSchema,
  title: storedText(Limits.maxTitleLength),
  goal: storedText(Limits.maxGoalLength),
  ownerId: IdSchema.nullable(),
  /** In canonical order (diagnose, options, tradeoffs, commit), each at most once. */
  phases: z.array(PhasePlanSchema).max(Limits.maxPhasesPerItem),
  status: ItemStatusSchema,
  /** `decision` once the facilitator has closed debate; decision capture checks this. */
  mode: ItemModeSchema,
  notes: storedText(Limits.maxNotesLength),
  createdBy: IdSchema,
  createdAt: TimestampSchema,
  carriedFrom: CarriedFromSchema.optional(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/**
 * The agenda. `order` lists every item; items the room has finished come first, then the active
 * one, then those still to come (the domain keeps it so, which is what makes stepping back exact).
 */
export const AgendaSchema = z.object({
  order: z.array(IdSchema).max(Limits.maxAgendaItems),
  items: z.record(IdSchema, AgendaItemSchema),
  scheduledMinutes: z.number().int().positive().nullable(),
  /** The last template applied, so the builder knows a starting point was chosen. */
  lastTemplate: AgendaTemplateSchema.nullable(),
  /** Meetings whose open items were carried into this one; each is carried at most once. */
  carriedOverFrom: z.array(IdSchema).max(Limits.maxAgendaItems).default(() => []),
});
export type Agenda = z.infer<typeof AgendaSchema>;

/** The meeting's negotiation architecture: who may decide, how by default, the ground rules, the roles in use. */
export const CharterSchema = z.object({
  deciderIds: z.array(IdSchema).max(Limits.maxDeciders),
  decisionRule: DecisionRuleSchema,
  groundRules: storedText(Limits.maxGroundRulesLength),
  rolesInUse: z.array(AppRoleSchema),
  updatedBy: IdSchema.nullable(),
  updatedAt: TimestampSchema.nullable(),
});
export type Charter = z.infer<typeof CharterSchema>;

/** The room's latest verdict on an assumption; earlier verdicts stay in the event log. */
export const AssumptionOutcomeSchema = z.object({
  status: AssumptionStatusSchema,
  evidence: storedText(Limits.maxEvidenceLength),
  markedBy: IdSchema,
  markedAt: TimestampSchema,
});
export type AssumptionOutcome = z.infer<typeof AssumptionOutcomeSchema>;

export const AssumptionSchema = z.object({
  assumptionId: IdSchema,
  itemId: IdSchema,
  authorId: IdSchema,
  statement: storedText(Limits.maxStatementLength),
  evidence: storedText(Limits.maxEvidenceLength),
  dataLink: StoredHttpsUrlSchema.nullable(),
  confidence: ConfidenceSchema,
  /** null until the room marks it: the status is then `untested`. */
  outcome: AssumptionOutcomeSchema.nullable(),
  /** Creation order within the meeting, for a stable display order. */
  sequence: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Assumption = z.infer<typeof AssumptionSchema>;

export const DataLinkSchema = z.object({
  linkId: IdSchema,
  itemId: IdSchema,
  authorId: IdSchema,
  url: StoredHttpsUrlSchema,
  label: storedText(Limits.maxLinkLabelLength),
  sequence: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
});
export type DataLink = z.infer<typeof DataLinkSchema>;

export const PreworkSchema = z.object({
  assumptions: z.record(IdSchema, AssumptionSchema),
  dataLinks: z.record(IdSchema, DataLinkSchema),
});
export type Prework = z.infer<typeof PreworkSchema>;

/**
 * An off-topic point parked for later. A promoted entry becomes an item of the next meeting in
 * the same space when that meeting's organizer carries the open points over (`agenda.carryOver`).
 */
export const ParkingLotEntrySchema = z.object({
  entryId: IdSchema,
  text: storedText(Limits.maxParkingLotTextLength),
  itemId: IdSchema.nullable(),
  authorId: IdSchema,
  sequence: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
  promotion: z.object({ promotedBy: IdSchema, promotedAt: TimestampSchema }).nullable(),
});
export type ParkingLotEntry = z.infer<typeof ParkingLotEntrySchema>;

/**
 * The phase the room is in and its clock. A stretch of time in one phase is a span: it starts when
 * the room enters the phase and ends when it leaves; pauses within it are subtracted.
 */
export const CurrentPhaseSchema = z.object({
  itemId: IdSchema,
  phase: PhaseSchema,
  spanStartedAt: TimestampSchema,
  pausedAt: TimestampSchema.nullable(),
  pausedMsInSpan: z.number().int().nonnegative(),
});
export type CurrentPhase = z.infer<typeof CurrentPhaseSchema>;

export const TimerExtensionSchema = z.object({
  minutes: z.number().int().positive(),
  reason: storedText(Limits.maxReasonLength),
  by: IdSchema,
  at: TimestampSchema,
});
export type TimerExtension = z.infer<typeof TimerExtensionSchema>;

/** Time used in one phase of one item over finished spans (the open span is in `current`), and its extensions. */
export const PhaseUsageSchema = z.object({
  usedMs: z.number().int().nonnegative(),
  extensions: z.array(TimerExtensionSchema).max(Limits.maxExtensionsPerPhase),
});
export type PhaseUsage = z.infer<typeof PhaseUsageSchema>;

export const FacilitationSchema = z.object({
  status: MeetingStatusSchema,
  startedAt: TimestampSchema.nullable(),
  startedBy: IdSchema.nullable(),
  endedAt: TimestampSchema.nullable(),
  endedBy: IdSchema.nullable(),
  /** null before the start, after the end, and while the room is between items. */
  current: CurrentPhaseSchema.nullable(),
  usage: z.record(IdSchema, z.partialRecord(PhaseSchema, PhaseUsageSchema)),
  /** Items not done when the meeting ended, in agenda order. */
  unfinishedItemIds: z.array(IdSchema).max(Limits.maxAgendaItems),
});
export type Facilitation = z.infer<typeof FacilitationSchema>;

/** Who holds which role on an item. */
export const RoleAssignmentsSchema = z.partialRecord(AppRoleSchema, IdSchema);
export type RoleAssignments = z.infer<typeof RoleAssignmentsSchema>;

export const RolesStateSchema = z.object({
  policy: RotationPolicySchema,
  /** Roles each person volunteered for, in canonical order. */
  optIns: z.record(IdSchema, z.array(AppRoleSchema)),
  byItem: z.record(IdSchema, RoleAssignmentsSchema),
});
export type RolesState = z.infer<typeof RolesStateSchema>;
