import { z } from "zod";
import { Limits } from "./limits.ts";
import { AudienceSchema, IdSchema, MeetingRoleSchema } from "./ids.ts";

const Timestamp = z.number().int().nonnegative();

const event = <T extends string, P extends z.ZodRawShape>(type: T, payload: P) =>
  z.object({ type: z.literal(type), at: Timestamp, audience: AudienceSchema, payload: z.object(payload) });

export const ParticipantJoinedSchema = event("meeting.participantJoined", {
  userId: IdSchema,
  displayName: z.string().max(Limits.maxDisplayNameLength),
  meetingRole: MeetingRoleSchema,
});
export const ParticipantLeftSchema = event("meeting.participantLeft", { userId: IdSchema });
export const HandRaisedSchema = event("queue.handRaised", {
  entryId: IdSchema,
  userId: IdSchema,
  topic: z.string().max(Limits.maxTopicLength).optional(),
});
export const HandLoweredSchema = event("queue.handLowered", {
  entryId: IdSchema,
  userId: IdSchema,
  reason: z.enum(["withdrawn", "left"]),
});
export const FloorGrantedSchema = event("floor.granted", {
  entryId: IdSchema,
  userId: IdSchema,
  grantedBy: IdSchema,
});
export const FloorReleasedSchema = event("floor.released", {
  userId: IdSchema,
  reason: z.enum(["yielded", "endedByFacilitator", "left", "nextGranted"]),
});

/** Every domain event, as stored and as sent. `at` comes from the server's clock. */
export const DomainEventSchema = z.discriminatedUnion("type", [
  ParticipantJoinedSchema,
  ParticipantLeftSchema,
  HandRaisedSchema,
  HandLoweredSchema,
  FloorGrantedSchema,
  FloorReleasedSchema,
]);
export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type DomainEventType = DomainEvent["type"];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** A domain event with the meeting sequence number the store assigned to it. */
export const SequencedEventSchema = z.object({ seq: z.number().int().positive(), event: DomainEventSchema });
export type SequencedEvent = z.infer<typeof SequencedEventSchema>;
