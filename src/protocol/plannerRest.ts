import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { PlannerTargetSchema } from "./commitmentTarget.ts";

/** `:meetingId` of the Planner routes. */
export const PlannerMeetingParamsSchema = z.object({ meetingId: IdSchema });
/** `:meetingId` and `:planId` of the bucket routes. */
export const PlannerPlanParamsSchema = z.object({ meetingId: IdSchema, planId: IdSchema });

/** `GET …/planner/plans?groupId=`: the team's Microsoft 365 group, whose plans are listed too. */
export const PlannerPlansQuerySchema = z.object({ groupId: IdSchema.optional() }).strict();

/** `PUT /api/meetings/:meetingId/planner/target`: the plan and bucket the space's commitments go to. */
export const SetPlannerTargetBodySchema = z.object({ planId: IdSchema, bucketId: IdSchema }).strict();
export type SetPlannerTargetBody = z.infer<typeof SetPlannerTargetBodySchema>;

/** `POST …/planner/plans/:planId/buckets`: a new bucket, e.g. one for the meeting series. */
export const CreatePlannerBucketBodySchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(Limits.maxPlannerNameLength, `must be at most ${Limits.maxPlannerNameLength} characters`),
  })
  .strict();
export type CreatePlannerBucketBody = z.infer<typeof CreatePlannerBucketBodySchema>;

/**
 * The space's Planner target (null while nobody has chosen one), and whether the caller may change
 * it (the meeting's organizer or a facilitator), so the tab can say who can choose one.
 */
export const PlannerTargetResponseSchema = z.object({ target: PlannerTargetSchema.nullable(), canChange: z.boolean() });
export type PlannerTargetResponse = z.infer<typeof PlannerTargetResponseSchema>;

/** A plan the caller can reach, as the picker lists it. */
export const PlannerPlanOptionSchema = z.object({ id: IdSchema, title: z.string() });
export type PlannerPlanOption = z.infer<typeof PlannerPlanOptionSchema>;
/** A bucket of a plan, as the picker lists it. */
export const PlannerBucketOptionSchema = z.object({ id: IdSchema, name: z.string() });
export type PlannerBucketOption = z.infer<typeof PlannerBucketOptionSchema>;

export const PlannerPlansResponseSchema = z.object({ plans: z.array(PlannerPlanOptionSchema) });
export type PlannerPlansResponse = z.infer<typeof PlannerPlansResponseSchema>;
export const PlannerBucketsResponseSchema = z.object({ buckets: z.array(PlannerBucketOptionSchema) });
export type PlannerBucketsResponse = z.infer<typeof PlannerBucketsResponseSchema>;
export const PlannerBucketResponseSchema = z.object({ bucket: PlannerBucketOptionSchema });
export type PlannerBucketResponse = z.infer<typeof PlannerBucketResponseSchema>;
