import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import {
  AGENDA_TEMPLATES,
  APP_ROLES,
  ASSUMPTION_STATUSES,
  CARRY_OVER_REASONS,
  COMMITMENT_STATUSES,
  CONFIDENCE_LEVELS,
  DECISION_RULES,
  ITEM_MODES,
  ITEM_STATUSES,
  MEETING_STATUSES,
  PHASES,
  ROTATION_POLICIES,
  SYNC_STATES,
  TEMPLATE_LANGUAGES,
} from "./vocabulary.ts";
import { isCalendarDate } from "./commitmentDates.ts";

// Schemas of the fixed vocabularies (see vocabulary.ts for what each means).
export const PhaseSchema = z.enum(PHASES);
export const AppRoleSchema = z.enum(APP_ROLES);
export const DecisionRuleSchema = z.enum(DECISION_RULES);
export const AgendaTemplateSchema = z.enum(AGENDA_TEMPLATES);
export const TemplateLanguageSchema = z.enum(TEMPLATE_LANGUAGES);
export const CarryOverReasonSchema = z.enum(CARRY_OVER_REASONS);
export const ConfidenceSchema = z.enum(CONFIDENCE_LEVELS);
export const AssumptionStatusSchema = z.enum(ASSUMPTION_STATUSES);
export const RotationPolicySchema = z.enum(ROTATION_POLICIES);
export const ItemStatusSchema = z.enum(ITEM_STATUSES);
export const ItemModeSchema = z.enum(ITEM_MODES);
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export const CommitmentStatusSchema = z.enum(COMMITMENT_STATUSES);
export const SyncStateSchema = z.enum(SYNC_STATES);

/** Server time in epoch milliseconds. */
export const TimestampSchema = z.number().int().nonnegative();

/** Free text as stored and sent: bounded, possibly empty. Commands trim it first (see `inputText`). */
export const storedText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** Free text as a client sends it: trimmed, then bounded; `required` text must not be blank. */
export const inputText = (max: number, required: boolean) => {
  const bounded = z.string().trim().max(max, `must be at most ${max} characters`);
  return required ? bounded.min(1, "must not be empty") : bounded;
};

/** Whole minutes in an inclusive range, with a message that names the range. */
export const minutesBetween = (min: number, max: number) =>
  z
    .number()
    .int("must be a whole number of minutes")
    .min(min, `must be between ${min} and ${max} minutes`)
    .max(max, `must be between ${min} and ${max} minutes`);

export const TimeboxMinutesSchema = minutesBetween(Limits.minTimeboxMinutes, Limits.maxTimeboxMinutes);
export const ExtensionMinutesSchema = minutesBetween(Limits.minExtensionMinutes, Limits.maxExtensionMinutes);
export const ScheduledMinutesSchema = minutesBetween(Limits.minScheduledMinutes, Limits.maxScheduledMinutes);

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    // credentials in a shared link would be shown to the whole meeting
    return url.protocol === "https:" && url.hostname.length > 0 && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

/** A link to data: absolute `https://` only, no embedded credentials. */
export const HttpsUrlSchema = z
  .string()
  .trim()
  .max(Limits.maxUrlLength, `must be at most ${Limits.maxUrlLength} characters`)
  .refine(isHttpsUrl, "must be an https:// link without a user name or password");

/** One phase of an item with its timebox. */
export const PhasePlanSchema = z.object({ phase: PhaseSchema, minutes: TimeboxMinutesSchema }).strict();


/** An item's phases: 1 to 4, each at most once. Order is canonicalised by the domain. */
export const PhasePlansSchema = z
  .array(PhasePlanSchema)
  .min(1, "must include at least one phase")
  .max(Limits.maxPhasesPerItem, `must have at most ${Limits.maxPhasesPerItem} phases`)
  .refine((plans) => new Set(plans.map((plan) => plan.phase)).size === plans.length, "must not repeat a phase");

/** A list of distinct values of an enum, e.g. roles in use. */
export const distinctList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `must have at most ${max} entries`)
    .refine((values) => new Set(values).size === values.length, "must not repeat an entry");

/** A link as stored and sent: already checked on the way in, re-checked when read back. */
export const StoredHttpsUrlSchema = z.string().max(Limits.maxUrlLength).refine(isHttpsUrl, "must be an https:// link");

/** A place on the agenda walk: one phase of one item. */
export const PhaseRefSchema = z.object({ itemId: IdSchema, phase: PhaseSchema });
export type PhasePlan = z.infer<typeof PhasePlanSchema>;
export type PhaseRef = z.infer<typeof PhaseRefSchema>;

/** A day on the calendar, `YYYY-MM-DD` (a commitment's due date): a real date, no time, no zone. */
export const CalendarDateSchema = z.string().refine(isCalendarDate, "must be a date written YYYY-MM-DD");
