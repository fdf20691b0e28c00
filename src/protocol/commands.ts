import { z } from "zod";
import { AGENDA_COMMAND_SCHEMAS } from "./agendaCommands.ts";
import { FACILITATION_COMMAND_SCHEMAS } from "./facilitationCommands.ts";
import { QUEUE_COMMAND_SCHEMAS } from "./queueCommands.ts";
import { COMMITMENT_COMMAND_SCHEMAS } from "./commitmentCommands.ts";

export const JoinMeetingSchema = z.object({ type: z.literal("meeting.join"), payload: z.object({}).strict() });
export const LeaveMeetingSchema = z.object({ type: z.literal("meeting.leave"), payload: z.object({}).strict() });

/** Every command a client may send, discriminated by `type`. */
export const CommandSchema = z.discriminatedUnion("type", [
  JoinMeetingSchema,
  LeaveMeetingSchema,
  ...QUEUE_COMMAND_SCHEMAS,
  ...AGENDA_COMMAND_SCHEMAS,
  ...FACILITATION_COMMAND_SCHEMAS,
  ...COMMITMENT_COMMAND_SCHEMAS,
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export * from "./agendaCommands.ts";
export * from "./facilitationCommands.ts";
export * from "./queueCommands.ts";
export * from "./commitmentCommands.ts";
