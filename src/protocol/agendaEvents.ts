import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { eventSchema as event } from "./eventShape.ts";
import {
  AgendaTemplateSchema,
  AppRoleSchema,
  AssumptionStatusSchema,
  CarryOverReasonSchema,
  ConfidenceSchema,
  DecisionRuleSchema,
  PhasePlanSchema,
  StoredHttpsUrlSchema,
  TimestampSchema,
  storedText,
} from "./fields.ts";

const Title = storedText(Limits.maxTitleLength).min(1);
const Goal = storedText(Limits.maxGoalLength);
const Phases = z.array(PhasePlanSchema).min(1).max(Limits.maxPhasesPerItem);

/** The fields of a new agenda item; phases are in canonical order. */
export const NewAgendaItemSchema = z.object({
  itemId: IdSchema,
  title: Title,
  goal: Goal,
  ownerId: IdSchema.nullable(),
  phases: Phases,
});
export type NewAgendaItem = z.infer<typeof NewAgendaItemSchema>;

export const AgendaItemAddedSchema = event("agenda.itemAdded", { ...NewAgendaItemSchema.shape, addedBy: IdSchema });
/** Only the fields that changed are present. */
export const AgendaItemUpdatedSchema = event("agenda.itemUpdated", {
  itemId: IdSchema,
  changes: z.object({ title: Title.optional(), goal: Goal.optional(), ownerId: IdSchema.nullable().optional(), phases: Phases.optional() }),
  updatedBy: IdSchema,
});
/** The item's assumptions, data links and role assignments go with it; parked points keep their text but lose the link. */
export const AgendaItemRemovedSchema = event("agenda.itemRemoved", { itemId: IdSchema, removedBy: IdSchema });
export const AgendaItemMovedSchema = event("agenda.itemMoved", {
  itemId: IdSchema,
  fromIndex: z.number().int().nonnegative(),
  toIndex: z.number().int().nonnegative(),
  movedBy: IdSchema,
});
/** The template's items, appended in this order after any existing items (none for `blank`). */
export const AgendaTemplateAppliedSchema = event("agenda.templateApplied", {
  template: AgendaTemplateSchema,
  items: z.array(NewAgendaItemSchema).max(Limits.maxAgendaItems),
  appliedBy: IdSchema,
});
/** Items carried from the last meeting ended in the same space, appended in this order. */
export const ItemsCarriedOverSchema = event("agenda.itemsCarriedOver", {
  sourceMeetingId: IdSchema,
  sourceEndedAt: TimestampSchema,
  items: z.array(NewAgendaItemSchema.extend({ reason: CarryOverReasonSchema })).max(Limits.maxAgendaItems),
  carriedBy: IdSchema,
});

export const ScheduledMinutesSetSchema = event("agenda.scheduledMinutesSet", {
  minutes: z.number().int().positive().nullable(),
  setBy: IdSchema,
});

/** The whole charter after the change. */
export const CharterUpdatedSchema = event("charter.updated", {
  deciderIds: z.array(IdSchema).max(Limits.maxDeciders),
  decisionRule: DecisionRuleSchema,
  groundRules: storedText(Limits.maxGroundRulesLength),
  rolesInUse: z.array(AppRoleSchema),
  updatedBy: IdSchema,
});

const AssumptionFields = {
  statement: storedText(Limits.maxStatementLength).min(1),
  evidence: storedText(Limits.maxEvidenceLength),
  dataLink: StoredHttpsUrlSchema.nullable(),
  confidence: ConfidenceSchema,
};
export const AssumptionAddedSchema = event("prework.assumptionAdded", {
  assumptionId: IdSchema,
  itemId: IdSchema,
  authorId: IdSchema,
  ...AssumptionFields,
});
/** The assumption's fields after the change. */
export const AssumptionUpdatedSchema = event("prework.assumptionUpdated", { assumptionId: IdSchema, ...AssumptionFields });
export const AssumptionRemovedSchema = event("prework.assumptionRemoved", { assumptionId: IdSchema, removedBy: IdSchema });
export const DataLinkAddedSchema = event("prework.dataLinkAdded", {
  linkId: IdSchema,
  itemId: IdSchema,
  authorId: IdSchema,
  url: StoredHttpsUrlSchema,
  label: storedText(Limits.maxLinkLabelLength),
});
export const DataLinkRemovedSchema = event("prework.dataLinkRemoved", { linkId: IdSchema, removedBy: IdSchema });
/** The room's verdict on an assumption, with the evidence cited and who recorded it (`at` says when). */
export const AssumptionMarkedSchema = event("assumption.marked", {
  assumptionId: IdSchema,
  itemId: IdSchema,
  status: AssumptionStatusSchema,
  evidence: storedText(Limits.maxEvidenceLength),
  markedBy: IdSchema,
});

export const AGENDA_EVENT_SCHEMAS = [
  AgendaItemAddedSchema,
  AgendaItemUpdatedSchema,
  AgendaItemRemovedSchema,
  AgendaItemMovedSchema,
  AgendaTemplateAppliedSchema,
  ItemsCarriedOverSchema,
  ScheduledMinutesSetSchema,
  CharterUpdatedSchema,
  AssumptionAddedSchema,
  AssumptionUpdatedSchema,
  AssumptionRemovedSchema,
  DataLinkAddedSchema,
  DataLinkRemovedSchema,
  AssumptionMarkedSchema,
] as const;
