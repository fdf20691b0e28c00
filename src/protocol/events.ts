import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema, MeetingRoleSchema } from "./ids.ts";
import { eventSchema as event } from "./eventShape.ts";
import { AGENDA_EVENT_SCHEMAS } from "./agendaEvents.ts";
import { FACILITATION_EVENT_SCHEMAS } from "./facilitationEvents.ts";

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
  ...AGENDA_EVENT_SCHEMAS,
  ...FACILITATION_EVENT_SCHEMAS,
]);
export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type DomainEventType = DomainEvent["type"];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** A domain event with the meeting sequence number the store assigned to it. */
export const SequencedEventSchema = z.object({ seq: z.number().int().positive(), event: DomainEventSchema });
export type SequencedEvent = z.infer<typeof SequencedEventSchema>;

export * from "./agendaEvents.ts";
export * from "./facilitationEvents.ts";
