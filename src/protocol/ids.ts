import { z } from "zod";
import { Limits } from "./limits.ts";

/** Identifiers from Teams and Entra: opaque, bounded, printable, no whitespace. */
export const IdSchema = z
  .string()
  .min(1, "must not be empty")
  .max(Limits.maxIdLength, `must be at most ${Limits.maxIdLength} characters`)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
  // ids become object keys in meeting state; these would reach the prototype instead
  .refine((id) => !RESERVED_KEYS.has(id), "is a reserved word");

const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export const MeetingRoleSchema = z.enum(["organizer", "presenter", "attendee"]);
/** The meeting role Teams gives a participant; resolved by the server, never taken from a client. */
export type MeetingRole = z.infer<typeof MeetingRoleSchema>;

/** Who an event is for. The domain decides; the gateway projects each event per recipient. */
export const AudienceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("everyone") }),
  z.object({ kind: z.literal("facilitators") }),
  z.object({ kind: z.literal("participant"), userId: IdSchema }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

/** A person's display name as Teams gives it: trimmed, not empty, bounded. */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(Limits.maxDisplayNameLength, `must be at most ${Limits.maxDisplayNameLength} characters`);
