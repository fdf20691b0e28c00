import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema, MeetingRoleSchema } from "./ids.ts";
import { eventSchema as event } from "./eventShape.ts";
import { AGENDA_EVENT_SCHEMAS } from "./agendaEvents.ts";
import { FACILITATION_EVENT_SCHEMAS } from "./facilitationEvents.ts";
import { QUEUE_EVENT_SCHEMAS } from "./queueEvents.ts";
import { COMMITMENT_EVENT_SCHEMAS } from "./commitmentEvents.ts";

export const ParticipantJoinedSchema = event("meeting.participantJoined", {
  userId: IdSchema,
  displayName: z.string().max(Limits.maxDisplayNameLength),
  meetingRole: MeetingRoleSchema,
});
export const ParticipantLeftSchema = event("meeting.participantLeft", { userId: IdSchema });

/** Every domain event, as stored and as sent. `at` comes from the server's clock. */
export const DomainEventSchema = z.discriminatedUnion("type", [
  ParticipantJoinedSchema,
  ParticipantLeftSchema,
  ...QUEUE_EVENT_SCHEMAS,
  ...AGENDA_EVENT_SCHEMAS,
  ...FACILITATION_EVENT_SCHEMAS,
  ...COMMITMENT_EVENT_SCHEMAS,
]);
export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type DomainEventType = DomainEvent["type"];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** A domain event with the meeting sequence number the store assigned to it. */
export const SequencedEventSchema = z.object({ seq: z.number().int().positive(), event: DomainEventSchema });
export type SequencedEvent = z.infer<typeof SequencedEventSchema>;

export * from "./agendaEvents.ts";
export * from "./facilitationEvents.ts";
export * from "./queueEvents.ts";
export * from "./commitmentEvents.ts";
