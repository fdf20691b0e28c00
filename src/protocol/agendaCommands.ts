import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import {
  AgendaTemplateSchema,
  AppRoleSchema,
  AssumptionStatusSchema,
  ConfidenceSchema,
  DecisionRuleSchema,
  HttpsUrlSchema,
  PhasePlansSchema,
  ScheduledMinutesSchema,
  TemplateLanguageSchema,
  distinctList,
  inputText,
} from "./fields.ts";
import { APP_ROLES } from "./vocabulary.ts";

const Title = inputText(Limits.maxTitleLength, true);
const Goal = inputText(Limits.maxGoalLength, false);
const Statement = inputText(Limits.maxStatementLength, true);
const Evidence = inputText(Limits.maxEvidenceLength, false);

/** Adds an item at the end of the agenda. The organizer or a facilitator; not after the meeting ended. */
export const AddAgendaItemSchema = z.object({
  type: z.literal("agenda.addItem"),
  payload: z
    .object({ title: Title, goal: Goal.optional(), ownerId: IdSchema.nullable().optional(), phases: PhasePlansSchema })
    .strict(),
});

/**
 * Changes the given fields of an item that is not finished. On the active item, the phases up to
 * and including the current one cannot change (extend the timer instead).
 */
export const UpdateAgendaItemSchema = z.object({
  type: z.literal("agenda.updateItem"),
  payload: z
    .object({
      itemId: IdSchema,
      title: Title.optional(),
      goal: Goal.optional(),
      ownerId: IdSchema.nullable().optional(),
      phases: PhasePlansSchema.optional(),
    })
    .strict(),
});

/** Removes an item still to come, with its pre-work. */
export const RemoveAgendaItemSchema = z.object({
  type: z.literal("agenda.removeItem"),
  payload: z.object({ itemId: IdSchema }).strict(),
});

/** Moves an item still to come to `toIndex` of the whole agenda; items already taken up keep their place. */
export const MoveAgendaItemSchema = z.object({
  type: z.literal("agenda.moveItem"),
  payload: z
    .object({ itemId: IdSchema, toIndex: z.number().int().min(0).max(Limits.maxAgendaItems - 1) })
    .strict(),
});

/** Appends a template's items (`blank` has none) after any existing ones; never replaces or removes. */
export const ApplyAgendaTemplateSchema = z.object({
  type: z.literal("agenda.applyTemplate"),
  // the titles come in the tab's language; older clients send none and get English
  payload: z.object({ template: AgendaTemplateSchema, language: TemplateLanguageSchema.optional() }).strict(),
});

/**
 * Adds what the last meeting ended in this space left open: its unfinished items and its promoted
 * parked points. The server finds that meeting; `sourceMeetingId` is the one the caller was shown,
 * so an offer that changed meanwhile is refused rather than applied.
 */
export const CarryOverSchema = z.object({
  type: z.literal("agenda.carryOver"),
  payload: z.object({ sourceMeetingId: IdSchema }).strict(),
});

/** The meeting's scheduled length, to compare with the planned time; null when unknown. */
export const SetScheduledMinutesSchema = z.object({
  type: z.literal("agenda.setScheduledMinutes"),
  payload: z.object({ minutes: ScheduledMinutesSchema.nullable() }).strict(),
});

/** Changes the given fields of the meeting's charter. Organizer only. */
export const UpdateCharterSchema = z.object({
  type: z.literal("charter.update"),
  payload: z
    .object({
      deciderIds: distinctList(IdSchema, Limits.maxDeciders).optional(),
      decisionRule: DecisionRuleSchema.optional(),
      groundRules: inputText(Limits.maxGroundRulesLength, false).optional(),
      rolesInUse: distinctList(AppRoleSchema, APP_ROLES.length).optional(),
    })
    .strict(),
});

/** Adds one of the author's assumptions to an item not yet finished. */
export const AddAssumptionSchema = z.object({
  type: z.literal("prework.addAssumption"),
  payload: z
    .object({
      itemId: IdSchema,
      statement: Statement,
      evidence: Evidence.optional(),
      dataLink: HttpsUrlSchema.optional(),
      confidence: ConfidenceSchema,
    })
    .strict(),
});

/** Changes the given fields of the author's own assumption; `dataLink: null` removes the link. */
export const UpdateAssumptionSchema = z.object({
  type: z.literal("prework.updateAssumption"),
  payload: z
    .object({
      assumptionId: IdSchema,
      statement: Statement.optional(),
      evidence: Evidence.optional(),
      dataLink: HttpsUrlSchema.nullable().optional(),
      confidence: ConfidenceSchema.optional(),
    })
    .strict(),
});

export const RemoveAssumptionSchema = z.object({
  type: z.literal("prework.removeAssumption"),
  payload: z.object({ assumptionId: IdSchema }).strict(),
});

/** Adds a link to data for an item not yet finished. */
export const AddDataLinkSchema = z.object({
  type: z.literal("prework.addDataLink"),
  payload: z
    .object({ itemId: IdSchema, url: HttpsUrlSchema, label: inputText(Limits.maxLinkLabelLength, false).optional() })
    .strict(),
});

/** Removes the author's own data link. */
export const RemoveDataLinkSchema = z.object({
  type: z.literal("prework.removeDataLink"),
  payload: z.object({ linkId: IdSchema }).strict(),
});

/**
 * The room's verdict on an assumption, during its item's `diagnose` phase, by a facilitator or the
 * scribe. `supported` and `challenged` must cite evidence.
 */
export const MarkAssumptionSchema = z.object({
  type: z.literal("assumption.mark"),
  payload: z
    .object({ assumptionId: IdSchema, status: AssumptionStatusSchema, evidence: Evidence })
    .strict()
    .refine((payload) => payload.status === "untested" || payload.evidence.length > 0, {
      message: "must cite the evidence when marking an assumption supported or challenged",
      path: ["evidence"],
    }),
});

/** Commands that shape the meeting before it runs: agenda, charter, pre-work. */
export const AGENDA_COMMAND_SCHEMAS = [
  AddAgendaItemSchema,
  UpdateAgendaItemSchema,
  RemoveAgendaItemSchema,
  MoveAgendaItemSchema,
  ApplyAgendaTemplateSchema,
  CarryOverSchema,
  SetScheduledMinutesSchema,
  UpdateCharterSchema,
  AddAssumptionSchema,
  UpdateAssumptionSchema,
  RemoveAssumptionSchema,
  AddDataLinkSchema,
  RemoveDataLinkSchema,
  MarkAssumptionSchema,
] as const;
