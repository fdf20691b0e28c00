import type { DomainEvent } from "../../protocol/events.ts";
import { accept, eventFactory, type Decision, type Emit } from "../meeting/decision.ts";
import type { MeetingState } from "../meeting/state.ts";
import { endTurn, grantTo } from "./decideFloor.ts";
import { nextSpeakerExcept } from "./order.ts";

/**
 * Commands only the server itself issues, never a client: they are not in the wire schema, so no
 * socket can send one. `floor.releaseDisconnected`: the speaker's last connection closed and the
 * grace period passed without a reconnection, so their turn ends and the floor passes on; `since`
 * is the turn the server saw, so a release that arrives after the turn changed hands does nothing.
 */
export type SystemCommand = { type: "floor.releaseDisconnected"; userId: string; since: number };

/** Decides a server-originated command, by the same pure rules as everything else. */
export function decideSystem(state: MeetingState, command: SystemCommand, now: number): Decision {
  const emit = eventFactory(now);
  switch (command.type) {
    case "floor.releaseDisconnected": {
      const { floor } = state;
      if (floor?.userId !== command.userId || floor.since !== command.since) return accept([]);
      return accept([...endTurn(state, "disconnected", now, emit), ...passOn(state, command.userId, emit)]);
    }
  }
}

/**
 * The floor passes from a disconnected speaker as `floor.grantNext` would give it, in the same
 * batch as the release: one append, so no other command is decided between the two. Their own
 * entries and round turn are passed over but stay where they are, for when they come back. Whether
 * the next person is connected is not the domain's to know, as for a facilitator's grant: if they
 * are not, the server's grace period starts for them in turn. A closed queue, or nobody waiting,
 * leaves the floor empty for the facilitator. Nobody gave it, so `floor.granted` names no giver;
 * the speaker's `floor.released` (reason `disconnected`) says why it moved.
 */
function passOn(state: MeetingState, fromUserId: string, emit: Emit): DomainEvent[] {
  if (state.queueSettings.isClosed) return [];
  const next = nextSpeakerExcept(state, fromUserId);
  return next ? grantTo(state, next, null, emit) : [];
}
