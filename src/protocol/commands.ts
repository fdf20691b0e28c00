import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { AGENDA_COMMAND_SCHEMAS } from "./agendaCommands.ts";
import { FACILITATION_COMMAND_SCHEMAS } from "./facilitationCommands.ts";

const TopicSchema = z
  .string()
  .trim()
  .max(Limits.maxTopicLength, `must be at most ${Limits.maxTopicLength} characters`);

export const JoinMeetingSchema = z.object({ type: z.literal("meeting.join"), payload: z.object({}).strict() });
export const LeaveMeetingSchema = z.object({ type: z.literal("meeting.leave"), payload: z.object({}).strict() });
export const RaiseHandSchema = z.object({
  type: z.literal("queue.raiseHand"),
  payload: z.object({ topic: TopicSchema.optional() }).strict(),
});
export const LowerHandSchema = z.object({
  type: z.literal("queue.lowerHand"),
  payload: z.object({ entryId: IdSchema }).strict(),
});
export const GrantNextSchema = z.object({
  type: z.literal("floor.grantNext"),
  // The entry the facilitator saw at the head; if the queue moved meanwhile the grant is stale.
  payload: z.object({ expectedEntryId: IdSchema.optional() }).strict(),
});
export const YieldFloorSchema = z.object({ type: z.literal("floor.yield"), payload: z.object({}).strict() });

/** Every command a client may send, discriminated by `type`. */
export const CommandSchema = z.discriminatedUnion("type", [
  JoinMeetingSchema,
  LeaveMeetingSchema,
  RaiseHandSchema,
  LowerHandSchema,
  GrantNextSchema,
  YieldFloorSchema,
  ...AGENDA_COMMAND_SCHEMAS,
  ...FACILITATION_COMMAND_SCHEMAS,
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export * from "./agendaCommands.ts";
export * from "./facilitationCommands.ts";
