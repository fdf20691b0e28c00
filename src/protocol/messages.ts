import { z } from "zod";
import { CommandSchema } from "./commands.ts";
import { SequencedEventSchema } from "./events.ts";
import { IdSchema } from "./ids.ts";
import { RejectionCodeSchema } from "./rejections.ts";
import { MeetingStateSchema } from "./snapshot.ts";

const Seq = z.number().int().nonnegative();

/** First message on every socket: which meeting, and the last sequence number this client has folded. */
export const HelloSchema = z
  .object({ type: z.literal("hello"), protocolVersion: z.number().int(), meetingId: IdSchema, lastSeq: Seq })
  .strict();
export type Hello = z.infer<typeof HelloSchema>;

/** A command; `commandId` makes a resend after reconnect idempotent. */
export const CommandMessageSchema = z
  .object({ type: z.literal("command"), commandId: IdSchema, command: CommandSchema })
  .strict();
export type CommandMessage = z.infer<typeof CommandMessageSchema>;

export const ClientMessageSchema = z.discriminatedUnion("type", [HelloSchema, CommandMessageSchema]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** The viewer as the server knows them: identity from the token, role from the role resolver. */
export const ViewerSchema = z.object({
  userId: IdSchema,
  displayName: z.string(),
  meetingRole: z.enum(["organizer", "presenter", "attendee"]),
});
export type Viewer = z.infer<typeof ViewerSchema>;

/**
 * Answer to `hello`: a snapshot, or just the events after the client's `lastSeq`. `clockRate` (1 when
 * absent) is how many server milliseconds pass per real one: above 1 only in development, where tests
 * run timers on a fast clock. `serverTime` lets a
 * client show timers from server timestamps without trusting its own clock.
 */
export const WelcomeSchema = z.discriminatedUnion("mode", [
  z.object({
    type: z.literal("welcome"),
    mode: z.literal("snapshot"),
    viewer: ViewerSchema,
    seq: Seq,
    serverTime: z.number().int(),
    clockRate: z.number().positive().optional(),
    state: MeetingStateSchema,
  }),
  z.object({
    type: z.literal("welcome"),
    mode: z.literal("events"),
    viewer: ViewerSchema,
    seq: Seq,
    serverTime: z.number().int(),
    clockRate: z.number().positive().optional(),
    events: z.array(SequencedEventSchema),
  }),
]);
export type Welcome = z.infer<typeof WelcomeSchema>;

export const EventMessageSchema = z.object({ type: z.literal("event") }).extend(SequencedEventSchema.shape);
export type EventMessage = z.infer<typeof EventMessageSchema>;

/** Sent only once the command's events are durable; `seq` is the last one it produced (or the current seq if none). */
export const AckSchema = z.object({ type: z.literal("ack"), commandId: IdSchema, seq: Seq });
export const RejectSchema = z.object({
  type: z.literal("reject"),
  commandId: IdSchema.nullable(),
  code: RejectionCodeSchema,
  message: z.string(),
});
export type Reject = z.infer<typeof RejectSchema>;

export const ServerMessageSchema = z.union([WelcomeSchema, EventMessageSchema, AckSchema, RejectSchema]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

export * from "./socket.ts";
