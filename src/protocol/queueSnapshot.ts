import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { TimestampSchema } from "./fields.ts";
import { ENTRY_KINDS, QUEUE_POLICIES } from "./vocabulary.ts";

export const EntryKindSchema = z.enum(ENTRY_KINDS);
export const QueuePolicySchema = z.enum(QUEUE_POLICIES);

export const QueueEntrySchema = z.object({
  entryId: IdSchema,
  userId: IdSchema,
  topic: z.string().max(Limits.maxTopicLength).optional(),
  raisedAt: z.number().int(),
  /** Arrival number within the meeting: breaks ties between entries raised in the same millisecond. */
  arrival: z.number().int().nonnegative(),
  /** Entries saved before kinds existed were all new points. */
  kind: EntryKindSchema.default("newPoint"),
  /**
   * Set when a facilitator placed the entry: within its kind, placed entries come first, by rank,
   * ahead of the policy's order. Null for an entry the policy orders.
   */
  rank: z.number().int().nonnegative().nullable().default(null),
  /** The facilitator who put this person in the queue, when they did not raise the hand themselves. */
  invitedBy: IdSchema.optional(),
});
export type QueueEntry = z.infer<typeof QueueEntrySchema>;

/** The current turn. `since` starts its clock; the soft limit is the meeting's turn limit plus `extensionSeconds`. */
export const FloorSchema = z.object({
  /** The queue entry the turn was granted from; null for a round-robin turn. */
  entryId: IdSchema.nullable(),
  userId: IdSchema,
  since: z.number().int(),
  /** The kind of entry granted; null for a round-robin turn. */
  kind: EntryKindSchema.nullable().default(null),
  /** The agenda item current at the grant: the turn's floor time counts against it. */
  itemId: IdSchema.nullable().default(null),
  extensionSeconds: z.number().int().nonnegative().default(0),
  /** The round this turn belongs to, for a round-robin turn. */
  round: z.number().int().positive().nullable().default(null),
});
export type Floor = z.infer<typeof FloorSchema>;

/**
 * One finished turn. Public in the room (the stage shows who speaks), and every client needs the
 * totals to compute the progressive order; floor time and equity figures are derived from these.
 */
export const TurnSchema = z.object({
  userId: IdSchema,
  itemId: IdSchema.nullable(),
  start: TimestampSchema,
  end: TimestampSchema,
});
export type Turn = z.infer<typeof TurnSchema>;

export const QueueSettingsSchema = z.object({
  policy: QueuePolicySchema,
  /** A closed queue refuses new entries except points of order. */
  isClosed: z.boolean(),
  /** The per-turn soft limit; null for none. */
  turnLimitSeconds: z.number().int().positive().nullable(),
});
export type QueueSettings = z.infer<typeof QueueSettingsSchema>;

/** Whether someone in a round took their turn or passed. */
export const RoundTurnSchema = z.enum(["spoke", "passed"]);
export type RoundTurn = z.infer<typeof RoundTurnSchema>;

export const RoundSchema = z.object({
  /** 1 for the meeting's first round. */
  number: z.number().int().positive(),
  startedBy: IdSchema,
  startedAt: TimestampSchema,
  /** Everyone present when the round started, in speaking order; people who leave are dropped. */
  order: z.array(IdSchema),
  /** Who has had their turn in this round. */
  done: z.record(IdSchema, RoundTurnSchema),
});
export type Round = z.infer<typeof RoundSchema>;

export const RoundsStateSchema = z.object({
  /** The round under way, if any. */
  current: RoundSchema.nullable(),
  /** Rounds started in this meeting. */
  count: z.number().int().nonnegative(),
  /** Who the last round started with: the next one starts from someone else. */
  lastStarterId: IdSchema.nullable(),
});
export type RoundsState = z.infer<typeof RoundsStateSchema>;

const Share = z.number().min(0).max(1);

/** One person's share of the floor passed the dominance threshold when a turn of theirs ended. */
export const DominanceAlertSchema = z.object({
  userId: IdSchema,
  floorMs: z.number().int().nonnegative(),
  share: Share,
  fairShare: Share,
  /** `share / fairShare`. */
  ratio: z.number().nonnegative(),
  itemId: IdSchema.nullable(),
  at: TimestampSchema,
});
export type DominanceAlert = z.infer<typeof DominanceAlertSchema>;

export const EquityPersonSchema = z.object({
  userId: IdSchema,
  floorMs: z.number().int().nonnegative(),
  turns: z.number().int().nonnegative(),
  longestMs: z.number().int().nonnegative(),
  share: Share,
});
export type EquityPerson = z.infer<typeof EquityPersonSchema>;

/** The meeting's floor equity at one moment, as a facilitator shares it with the room. */
export const EquitySummarySchema = z.object({
  at: TimestampSchema,
  totalMs: z.number().int().nonnegative(),
  presentCount: z.number().int().nonnegative(),
  fairShare: Share,
  gini: z.number().min(0).max(1),
  /** Everyone who has held the floor in the meeting, most floor time first. */
  people: z.array(EquityPersonSchema).max(Limits.maxSummaryPeople),
  /** How many people present have not spoken in the current item. */
  notSpokenInItemCount: z.number().int().nonnegative(),
  itemId: IdSchema.nullable(),
});
export type EquitySummary = z.infer<typeof EquitySummarySchema>;

export const EquityStateSchema = z.object({
  /** A share above `dominanceRatio` times the fair share raises the dominance alert. */
  dominanceRatio: z.number().min(Limits.minDominanceRatio).max(Limits.maxDominanceRatio),
  /** Facilitators only: the latest alert per person. Removed from what anyone else is sent. */
  alerts: z.record(IdSchema, DominanceAlertSchema),
  /** The summary a facilitator shared with the room, until they hide it. */
  sharedSummary: EquitySummarySchema.extend({ sharedBy: IdSchema }).nullable(),
});
export type EquityState = z.infer<typeof EquityStateSchema>;
