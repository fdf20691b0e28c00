export {
  CreatePlannerBucketBodySchema,
  PlannerMeetingParamsSchema,
  PlannerPlanParamsSchema,
  PlannerPlansQuerySchema,
  SetPlannerTargetBodySchema,
} from "../../../src/protocol/plannerRest.ts";
