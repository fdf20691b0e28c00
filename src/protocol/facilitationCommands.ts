import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { AppRoleSchema, ExtensionMinutesSchema, PhaseSchema, RotationPolicySchema, distinctList, inputText } from "./fields.ts";
import { APP_ROLES } from "./vocabulary.ts";

const empty = z.object({}).strict();

/**
 * Where the sender saw the room: the current item and phase, or both null when the room is between
 * items. If the room has moved since, the command is stale and refused rather than applied twice.
 */
const expectedStep = z
  .object({ expectedItemId: IdSchema.nullable(), expectedPhase: PhaseSchema.nullable() })
  .strict()
  .refine((payload) => (payload.expectedItemId === null) === (payload.expectedPhase === null), {
    message: "must be null exactly when expectedItemId is null",
    path: ["expectedPhase"],
  });

/** Starts the meeting on the first agenda item's first phase. A facilitator. */
export const StartMeetingSchema = z.object({ type: z.literal("meeting.start"), payload: empty });
/** Ends the meeting; items not done are recorded as unfinished. A facilitator. */
export const EndMeetingSchema = z.object({ type: z.literal("meeting.end"), payload: empty });

/** Moves the room to the next phase, or the next item's first phase. The facilitator. */
export const AdvanceSchema = z.object({ type: z.literal("facilitation.advance"), payload: expectedStep });
/** Moves the room back one phase, exactly undoing an advance. The facilitator. */
export const StepBackSchema = z.object({ type: z.literal("facilitation.stepBack"), payload: expectedStep });

/** Pauses the current phase's countdown. The timekeeper or a facilitator. */
export const PauseTimerSchema = z.object({ type: z.literal("timer.pause"), payload: empty });
export const ResumeTimerSchema = z.object({ type: z.literal("timer.resume"), payload: empty });
/**
 * Adds minutes to the current phase's timebox, recording who and why. The timekeeper or a
 * facilitator. The optional expected step guards against extending a phase the room has just left.
 */
export const ExtendTimerSchema = z.object({
  type: z.literal("timer.extend"),
  payload: z
    .object({
      minutes: ExtensionMinutesSchema,
      reason: inputText(Limits.maxReasonLength, true),
      expectedItemId: IdSchema.optional(),
      expectedPhase: PhaseSchema.optional(),
    })
    .strict(),
});

/** Ends debate on the active item: the room may now form a decision. The facilitator. */
export const CloseDebateSchema = z.object({ type: z.literal("debate.close"), payload: z.object({ itemId: IdSchema }).strict() });
export const ReopenDebateSchema = z.object({ type: z.literal("debate.reopen"), payload: z.object({ itemId: IdSchema }).strict() });

/** Replaces an item's notes. The item's scribe or a facilitator. */
export const SetItemNotesSchema = z.object({
  type: z.literal("item.setNotes"),
  payload: z.object({ itemId: IdSchema, notes: inputText(Limits.maxNotesLength, false) }).strict(),
});

/** Parks an off-topic point, optionally against the item it came up in. Any participant. */
export const AddToParkingLotSchema = z.object({
  type: z.literal("parkingLot.add"),
  payload: z.object({ text: inputText(Limits.maxParkingLotTextLength, true), itemId: IdSchema.optional() }).strict(),
});
/** Removes a parked point. Its author or a facilitator. */
export const RemoveFromParkingLotSchema = z.object({
  type: z.literal("parkingLot.remove"),
  payload: z.object({ entryId: IdSchema }).strict(),
});
/** Marks a parked point to become an item of a later meeting. A facilitator. */
export const PromoteParkingLotEntrySchema = z.object({
  type: z.literal("parkingLot.promote"),
  payload: z.object({ entryId: IdSchema }).strict(),
});

const roleList = distinctList(AppRoleSchema, APP_ROLES.length).refine((roles) => roles.length > 0, "must name at least one role");

/** The sender volunteers for roles the rotation may hand them. */
export const OptInRolesSchema = z.object({ type: z.literal("roles.optIn"), payload: z.object({ roles: roleList }).strict() });
export const OptOutRolesSchema = z.object({ type: z.literal("roles.optOut"), payload: z.object({ roles: roleList }).strict() });
/** How roles pass from item to item. Organizer only. */
export const SetRotationPolicySchema = z.object({
  type: z.literal("roles.setPolicy"),
  payload: z.object({ rotation: RotationPolicySchema }).strict(),
});
/** Gives a role on one item to a participant, or clears it with null. Organizer only. */
export const AssignRoleSchema = z.object({
  type: z.literal("roles.assign"),
  payload: z.object({ itemId: IdSchema, role: AppRoleSchema, userId: IdSchema.nullable() }).strict(),
});

/** Commands that run the meeting: start and end, the walk through phases, timers, debate, roles. */
export const FACILITATION_COMMAND_SCHEMAS = [
  StartMeetingSchema,
  EndMeetingSchema,
  AdvanceSchema,
  StepBackSchema,
  PauseTimerSchema,
  ResumeTimerSchema,
  ExtendTimerSchema,
  CloseDebateSchema,
  ReopenDebateSchema,
  SetItemNotesSchema,
  AddToParkingLotSchema,
  RemoveFromParkingLotSchema,
  PromoteParkingLotEntrySchema,
  OptInRolesSchema,
  OptOutRolesSchema,
  SetRotationPolicySchema,
  AssignRoleSchema,
] as const;
