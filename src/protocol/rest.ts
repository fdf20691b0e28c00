import { z } from "zod";
import { MeetingStateSchema } from "./snapshot.ts";
import { ViewerSchema } from "./messages.ts";
import { IdSchema } from "./ids.ts";
import { NewAgendaItemSchema } from "./agendaEvents.ts";
import { CarryOverReasonSchema } from "./fields.ts";

export const HealthSchema = z.object({ status: z.literal("ok"), mode: z.enum(["development", "production"]), protocolVersion: z.number() });
export type Health = z.infer<typeof HealthSchema>;

export const MeetingParamsSchema = z.object({ meetingId: IdSchema });

export const MeetingSnapshotResponseSchema = z.object({
  meetingId: IdSchema,
  seq: z.number().int().nonnegative(),
  viewer: ViewerSchema,
  state: MeetingStateSchema,
});
export type MeetingSnapshotResponse = z.infer<typeof MeetingSnapshotResponseSchema>;

/** `GET /api/meetings/:meetingId/carry-over`: what the last meeting ended in this space left open, for its facilitators. */
export const CarryOverResponseSchema = z.object({
  offer: z
    .object({
      sourceMeetingId: IdSchema,
      sourceEndedAt: z.number().int().nonnegative(),
      items: z.array(NewAgendaItemSchema.omit({ itemId: true }).extend({ reason: CarryOverReasonSchema })),
    })
    .nullable(),
});
export type CarryOverResponse = z.infer<typeof CarryOverResponseSchema>;

/** Every 4xx/5xx body: a code, a sentence, and for validation errors the fields at fault. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
