import type { MeetingState } from "../../../domain/meeting/state.ts";
import { entryOfKind } from "../../../domain/queue/order.ts";
import type { EntryKind } from "../../../protocol/vocabulary.ts";

/** Why someone cannot raise an entry of a kind right now, as the side panel explains it. */
export type KindProblem = "held" | "closed" | "nobodyToReply" | "replyToOthers";

/** The message that explains each {@link KindProblem}. */
export const KIND_PROBLEM_MESSAGES = {
  held: "raise.held",
  closed: "queue.closed",
  nobodyToReply: "raise.nobodyToReply",
  replyToOthers: "raise.replyToOthers",
} as const satisfies Record<KindProblem, string>;

/**
 * Why `userId` may not raise (or change an entry to) `kind` now, or null when they may: the rules
 * the domain applies to `queue.raiseHand`, so the panel can offer the choice disabled with its
 * reason instead of letting the server refuse it.
 */
export function kindProblem(state: MeetingState, userId: string, kind: EntryKind): KindProblem | null {
  if (entryOfKind(state, userId, kind)) return "held";
  if (state.queueSettings.isClosed && kind !== "pointOfOrder") return "closed";
  if (kind === "reply" && !state.floor) return "nobodyToReply";
  if (kind === "reply" && state.floor?.userId === userId) return "replyToOthers";
  return null;
}
