import { z } from "zod";
import { MeetingStateSchema } from "./snapshot.ts";
import { ViewerSchema } from "./messages.ts";
import { IdSchema } from "./ids.ts";

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

/** Every 4xx/5xx body: a code, a sentence, and for validation errors the fields at fault. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
