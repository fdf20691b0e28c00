import type { Command } from "../../protocol/commands.ts";
import type { DecideContext } from "./context.ts";
import type { MeetingState } from "./state.ts";
import { accept, eventFactory, own, reject, type Decision, type Emit } from "./decision.ts";
import { isPresent } from "../roles/holders.ts";
import { decideQueue } from "../queue/decideQueue.ts";
import { decideFloor } from "../queue/decideFloor.ts";
import { decideEquity } from "../queue/decideEquity.ts";
import { decideAgenda } from "../agenda/decideAgenda.ts";
import { decideCharter } from "../agenda/charter.ts";
import { decidePrework } from "../prework/decidePrework.ts";
import { decideFacilitation } from "../facilitation/decideFacilitation.ts";
import { decideParkingLot } from "../facilitation/parkingLot.ts";
import { decideRoles } from "../roles/decideRoles.ts";
import { decideCommitments } from "../commitments/decideCommitments.ts";
import { decideCommitmentSystem, type CommitmentSystemCommand } from "../commitments/system.ts";
import { decideSystem, type SystemCommand } from "../queue/system.ts";

export type { Decision } from "./decision.ts";

/**
 * Decides what a command means in the current state. Pure: the same state, command and context
 * always give the same decision, which is what lets the server replay and clients trust the log.
 * Everyone but a joining person must be present; each area then applies its own rules.
 */
export function decide(state: MeetingState, command: Command, context: DecideContext): Decision {
  const emit = eventFactory(context.now);
  if (command.type === "meeting.join") return decideJoin(state, context, emit);
  if (!isPresent(state, context.actor.userId)) return reject("notJoined", "Join the meeting first.");

  switch (command.type) {
    case "meeting.leave":
    case "queue.raiseHand":
    case "queue.lowerHand":
    case "queue.changeEntry":
    case "queue.setPolicy":
    case "queue.moveEntry":
    case "queue.skip":
    case "queue.removeEntry":
    case "queue.clear":
    case "queue.close":
    case "queue.reopen":
    case "queue.invite":
      return decideQueue(state, command, context, emit);
    case "floor.grantNext":
    case "floor.grant":
    case "floor.yield":
    case "floor.setTurnLimit":
    case "floor.extendTurn":
    case "round.start":
    case "round.pass":
    case "round.end":
      return decideFloor(state, command, context, emit);
    case "equity.setThreshold":
    case "equity.shareSummary":
    case "equity.hideSummary":
      return decideEquity(state, command, context, emit);
    case "agenda.addItem":
    case "agenda.updateItem":
    case "agenda.removeItem":
    case "agenda.moveItem":
    case "agenda.applyTemplate":
    case "agenda.carryOver":
    case "agenda.setScheduledMinutes":
      return decideAgenda(state, command, context, emit);
    case "charter.update":
      return decideCharter(state, command, context, emit);
    case "prework.addAssumption":
    case "prework.updateAssumption":
    case "prework.removeAssumption":
    case "prework.addDataLink":
    case "prework.removeDataLink":
    case "assumption.mark":
      return decidePrework(state, command, context, emit);
    case "meeting.start":
    case "meeting.end":
    case "facilitation.advance":
    case "facilitation.stepBack":
    case "timer.pause":
    case "timer.resume":
    case "timer.extend":
    case "debate.close":
    case "debate.reopen":
    case "item.setNotes":
      return decideFacilitation(state, command, context, emit);
    case "parkingLot.add":
    case "parkingLot.remove":
    case "parkingLot.promote":
      return decideParkingLot(state, command, context, emit);
    case "roles.optIn":
    case "roles.optOut":
    case "roles.setPolicy":
    case "roles.assign":
      return decideRoles(state, command, context, emit);
    case "commitment.capture":
    case "commitment.edit":
    case "commitment.cancel":
    case "commitment.retrySync":
      return decideCommitments(state, command, context, emit);
  }
}

/** Every command the server itself issues, never a client: none of them is in the wire schema. */
export type ServerCommand = SystemCommand | CommitmentSystemCommand;

/** Decides a server-originated command (a floor released after a disconnect, a Planner worker's report). */
export function decideServerCommand(state: MeetingState, command: ServerCommand, now: number): Decision {
  return command.type === "floor.releaseDisconnected" ? decideSystem(state, command, now) : decideCommitmentSystem(state, command, now);
}

function decideJoin(state: MeetingState, context: DecideContext, emit: Emit): Decision {
  const { userId, displayName, meetingRole } = context.actor;
  const existing = own(state.participants, userId);
  // Rejoining from a reload is normal; only a change of name or role is worth an event.
  if (existing?.isPresent && existing.displayName === displayName && existing.meetingRole === meetingRole) {
    return accept([]);
  }
  return accept([emit("meeting.participantJoined", { userId, displayName, meetingRole })]);
}
