import type { CommandOf } from "../../protocol/commands.ts";
import type { DomainEvent } from "../../protocol/events.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { currentItemId, isFacilitator } from "../roles/holders.ts";
import { dominant, equitySummary } from "./equity.ts";

export type EquityCommand = CommandOf<"equity.setThreshold" | "equity.shareSummary" | "equity.hideSummary">;

/** The dominance threshold and sharing the equity summary with the room: facilitators only. */
export function decideEquity(state: MeetingState, command: EquityCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can manage the floor equity view.");
  switch (command.type) {
    case "equity.setThreshold": {
      const { ratio } = command.payload;
      if (ratio === state.equity.dominanceRatio) return accept([]);
      return accept([emit("equity.thresholdSet", { ratio, by: actor })]);
    }
    case "equity.shareSummary":
      return accept([emit("equity.summaryShared", { summary: equitySummary(state, context.now), by: actor })]);
    case "equity.hideSummary":
      if (state.equity.sharedSummary === null) return accept([]);
      return accept([emit("equity.summaryHidden", { by: actor })]);
  }
}

/**
 * The facilitators' alert for a turn that just ended, if the speaker's share of the meeting's floor
 * time (their ended turn counted up to `now`) is above the threshold; otherwise nothing.
 */
export function dominanceCheck(state: MeetingState, userId: string, now: number, emit: Emit): DomainEvent[] {
  const found = dominant(state, now).find((candidate) => candidate.userId === userId);
  if (!found) return [];
  const { floorMs, share, fairShare, ratio } = found;
  return [emit("equity.dominanceDetected", { userId, floorMs, share, fairShare, ratio, itemId: currentItemId(state) }, { kind: "facilitators" })];
}
