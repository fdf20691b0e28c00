import { z } from "zod";
import { AudienceSchema } from "./ids.ts";
import { TimestampSchema } from "./fields.ts";

/** The envelope every domain event shares: its type, the server time it happened, who may see it. */
export const eventSchema = <T extends string, P extends z.ZodRawShape>(type: T, payload: P) =>
  z.object({ type: z.literal(type), at: TimestampSchema, audience: AudienceSchema, payload: z.object(payload) });
