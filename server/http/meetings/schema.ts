export { MeetingParamsSchema, MeetingSnapshotResponseSchema } from "../../../src/protocol/rest.ts";
