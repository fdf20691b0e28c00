import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { EntryKindSchema, QueuePolicySchema } from "./queueSnapshot.ts";

const empty = z.object({}).strict();

const TopicSchema = z
  .string()
  .trim()
  .max(Limits.maxTopicLength, `must be at most ${Limits.maxTopicLength} characters`);

const wholeSecondsBetween = (min: number, max: number) =>
  z
    .number()
    .int("must be a whole number of seconds")
    .min(min, `must be between ${min} and ${max} seconds`)
    .max(max, `must be between ${min} and ${max} seconds`);

/**
 * Puts the sender in the queue with an entry of one kind (a new point when absent, which is what
 * clients that predate kinds send). One entry per kind per person; a closed queue takes only points
 * of order; a reply needs someone to reply to.
 */
export const RaiseHandSchema = z.object({
  type: z.literal("queue.raiseHand"),
  payload: z.object({ topic: TopicSchema.optional(), kind: EntryKindSchema.optional() }).strict(),
});
/** Withdraws one of the sender's own entries. */
export const LowerHandSchema = z.object({
  type: z.literal("queue.lowerHand"),
  payload: z.object({ entryId: IdSchema }).strict(),
});
/**
 * Changes the kind or the topic of the sender's own entry; an empty topic removes it. A new kind
 * joins that kind's line at the back, as a fresh entry would.
 */
export const ChangeEntrySchema = z.object({
  type: z.literal("queue.changeEntry"),
  payload: z
    .object({ entryId: IdSchema, kind: EntryKindSchema.optional(), topic: TopicSchema.optional() })
    .strict()
    .refine((payload) => payload.kind !== undefined || payload.topic !== undefined, { message: "must change the kind or the topic", path: ["kind"] }),
});
/** Chooses how entries of one kind are ordered; can change mid-meeting. A facilitator. */
export const SetQueuePolicySchema = z.object({
  type: z.literal("queue.setPolicy"),
  payload: z.object({ policy: QueuePolicySchema }).strict(),
});
/**
 * Places an entry first among its kind, or just before another entry of the same kind; the
 * entries ahead of that place keep their places. A facilitator.
 */
export const MoveEntrySchema = z.object({
  type: z.literal("queue.moveEntry"),
  payload: z.object({ entryId: IdSchema, beforeEntryId: IdSchema.optional() }).strict(),
});
/** Passes an entry over: it goes behind the next entry of its kind. A facilitator. */
export const SkipEntrySchema = z.object({
  type: z.literal("queue.skip"),
  payload: z.object({ entryId: IdSchema }).strict(),
});
/** Takes someone's entry out of the queue. A facilitator. */
export const RemoveEntrySchema = z.object({
  type: z.literal("queue.removeEntry"),
  payload: z.object({ entryId: IdSchema }).strict(),
});
/** Empties the queue. A facilitator. */
export const ClearQueueSchema = z.object({ type: z.literal("queue.clear"), payload: empty });
/** Closes the queue to new entries except points of order; entries already in it stay. A facilitator. */
export const CloseQueueSchema = z.object({ type: z.literal("queue.close"), payload: empty });
export const ReopenQueueSchema = z.object({ type: z.literal("queue.reopen"), payload: empty });
/** Puts a quiet person first among new points, raising a hand for them if they have none. A facilitator. */
export const InviteToSpeakSchema = z.object({
  type: z.literal("queue.invite"),
  payload: z.object({ userId: IdSchema }).strict(),
});

/**
 * Starts a round: everyone present gets one turn, in a rotation that starts from someone other
 * than the last round's first speaker, or from `startWith`. Needs the round-robin policy. A facilitator.
 */
export const StartRoundSchema = z.object({
  type: z.literal("round.start"),
  payload: z.object({ startWith: IdSchema.optional() }).strict(),
});
/** Passes on a turn in the current round; it counts as the turn. Oneself, or anyone by a facilitator. */
export const PassRoundSchema = z.object({
  type: z.literal("round.pass"),
  payload: z.object({ userId: IdSchema.optional() }).strict(),
});
/** Ends the current round early. A facilitator. */
export const EndRoundSchema = z.object({ type: z.literal("round.end"), payload: empty });

/**
 * Gives the floor to whoever is next: a point of order, else the round's next person, else the
 * head of the queue. The expected entry or person is what the facilitator saw; if the queue moved
 * meanwhile the grant is stale and refused. A facilitator.
 */
export const GrantNextSchema = z.object({
  type: z.literal("floor.grantNext"),
  payload: z.object({ expectedEntryId: IdSchema.optional(), expectedUserId: IdSchema.optional() }).strict(),
});
/** Gives the floor to one particular entry, wherever it is in the queue. A facilitator. */
export const GrantFloorSchema = z.object({
  type: z.literal("floor.grant"),
  payload: z.object({ entryId: IdSchema }).strict(),
});
/** Ends the current turn: the speaker yields, or a facilitator ends it. */
export const YieldFloorSchema = z.object({ type: z.literal("floor.yield"), payload: empty });
/** Sets the soft limit of every turn, this one included; null removes it. The timekeeper or a facilitator. */
export const SetTurnLimitSchema = z.object({
  type: z.literal("floor.setTurnLimit"),
  payload: z.object({ seconds: wholeSecondsBetween(Limits.minTurnLimitSeconds, Limits.maxTurnLimitSeconds).nullable() }).strict(),
});
/** Adds time to the current turn's soft limit. The timekeeper or a facilitator. */
export const ExtendTurnSchema = z.object({
  type: z.literal("floor.extendTurn"),
  payload: z.object({ seconds: wholeSecondsBetween(Limits.minTurnExtensionSeconds, Limits.maxTurnExtensionSeconds) }).strict(),
});

/** Sets the multiple of the fair share above which a share raises the dominance alert. A facilitator. */
export const SetDominanceThresholdSchema = z.object({
  type: z.literal("equity.setThreshold"),
  payload: z
    .object({
      ratio: z
        .number()
        .min(Limits.minDominanceRatio, `must be between ${Limits.minDominanceRatio} and ${Limits.maxDominanceRatio}`)
        .max(Limits.maxDominanceRatio, `must be between ${Limits.minDominanceRatio} and ${Limits.maxDominanceRatio}`),
    })
    .strict(),
});
/** Shows the room the floor equity figures as they are now. A facilitator. */
export const ShareEquitySummarySchema = z.object({ type: z.literal("equity.shareSummary"), payload: empty });
export const HideEquitySummarySchema = z.object({ type: z.literal("equity.hideSummary"), payload: empty });

/** Commands of the speaking queue, the floor, rounds and floor equity. */
export const QUEUE_COMMAND_SCHEMAS = [
  RaiseHandSchema,
  LowerHandSchema,
  ChangeEntrySchema,
  SetQueuePolicySchema,
  MoveEntrySchema,
  SkipEntrySchema,
  RemoveEntrySchema,
  ClearQueueSchema,
  CloseQueueSchema,
  ReopenQueueSchema,
  InviteToSpeakSchema,
  StartRoundSchema,
  PassRoundSchema,
  EndRoundSchema,
  GrantNextSchema,
  GrantFloorSchema,
  YieldFloorSchema,
  SetTurnLimitSchema,
  ExtendTurnSchema,
  SetDominanceThresholdSchema,
  ShareEquitySummarySchema,
  HideEquitySummarySchema,
] as const;
