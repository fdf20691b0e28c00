import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { TimestampSchema } from "./fields.ts";

const PlannerName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(Limits.maxPlannerNameLength, `must be at most ${Limits.maxPlannerNameLength} characters`);

/**
 * Where a space's commitments go in Planner: a plan and one of its buckets, with the names shown
 * when they were chosen (Planner is not asked again just to display them), who chose them and when.
 * A space without one keeps its commitments in Concord until someone picks a plan.
 */
export const PlannerTargetSchema = z.object({
  planId: IdSchema,
  planName: PlannerName,
  bucketId: IdSchema,
  bucketName: PlannerName,
  setBy: IdSchema,
  setAt: TimestampSchema,
});
export type PlannerTarget = z.infer<typeof PlannerTargetSchema>;
