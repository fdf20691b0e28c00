import { z } from "zod";

/** Why the server refused a command. Clients translate the code; `message` is the English fallback. */
export const RejectionCodeSchema = z.enum([
  "invalidMessage",
  "unsupportedProtocol",
  "notJoined",
  "forbidden",
  "alreadyQueued",
  "notQueued",
  "queueEmpty",
  "stale",
  "notFound",
  "invalidState",
  "invalidInput",
  "limitReached",
  "unknownParticipant",
  "noSpeaker",
  "queueClosed",
  "noRound",
  "roundInProgress",
  "rateLimited",
  "unknownMeeting",
  "internal",
]);
export type RejectionCode = z.infer<typeof RejectionCodeSchema>;

export const RejectionSchema = z.object({ code: RejectionCodeSchema, message: z.string() });
export type Rejection = z.infer<typeof RejectionSchema>;
