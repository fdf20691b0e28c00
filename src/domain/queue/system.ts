import type { Decision } from "../meeting/decision.ts";
import { accept, eventFactory } from "../meeting/decision.ts";
import type { MeetingState } from "../meeting/state.ts";
import { endTurn } from "./decideFloor.ts";

/**
 * Commands only the server itself issues, never a client: they are not in the wire schema, so no
 * socket can send one. `floor.releaseDisconnected`: the speaker's last connection closed and the
 * grace period passed without a reconnection; `since` is the turn the server saw, so a release
 * that arrives after the turn changed hands does nothing.
 */
export type SystemCommand = { type: "floor.releaseDisconnected"; userId: string; since: number };

/** Decides a server-originated command, by the same pure rules as everything else. */
export function decideSystem(state: MeetingState, command: SystemCommand, now: number): Decision {
  const emit = eventFactory(now);
  switch (command.type) {
    case "floor.releaseDisconnected": {
      const { floor } = state;
      if (floor?.userId !== command.userId || floor.since !== command.since) return accept([]);
      return accept(endTurn(state, "disconnected", now, emit));
    }
  }
}
