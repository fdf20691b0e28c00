import type { DomainEvent } from "../../protocol/events.ts";
import type { MeetingState } from "./state.ts";
import { own } from "./decision.ts";
import { applyQueueEvent } from "../queue/applyQueue.ts";
import { dropFromRound } from "../queue/rounds.ts";
import { applyAgendaEvent } from "../agenda/applyAgenda.ts";
import { applyCharterEvent } from "../agenda/charter.ts";
import { applyPreworkEvent } from "../prework/applyPrework.ts";
import { applyFacilitationEvent } from "../facilitation/applyFacilitation.ts";
import { applyParkingLotEvent } from "../facilitation/parkingLot.ts";
import { applyRolesEvent } from "../roles/applyRoles.ts";
import { applyCommitmentEvent } from "../commitments/applyCommitments.ts";
import { applyTargetChosen } from "../commitments/plannerTarget.ts";

/**
 * Folds one event into the state. Pure and total: the server, every client and a replay all call
 * this, so it never throws and never reads anything but its arguments.
 */
export function applyEvent(state: MeetingState, event: DomainEvent): MeetingState {
  switch (event.type) {
    case "meeting.participantJoined": {
      const { userId, displayName, meetingRole } = event.payload;
      const previous = own(state.participants, userId);
      return {
        ...state,
        participants: {
          ...state.participants,
          [userId]: { userId, displayName, meetingRole, isPresent: true, joinedAt: previous?.joinedAt ?? event.at },
        },
      };
    }
    case "meeting.participantLeft": {
      const previous = own(state.participants, event.payload.userId);
      if (!previous) return state;
      // someone who leaves mid-round is dropped from it rather than waited for
      const left = dropFromRound(state, previous.userId);
      return { ...left, participants: { ...state.participants, [previous.userId]: { ...previous, isPresent: false } } };
    }
    case "queue.handRaised":
    case "queue.handLowered":
    case "queue.entryChanged":
    case "queue.entryMoved":
    case "queue.cleared":
    case "queue.policySet":
    case "queue.closed":
    case "queue.reopened":
    case "round.started":
    case "round.passed":
    case "round.ended":
    case "floor.granted":
    case "floor.released":
    case "floor.turnLimitSet":
    case "floor.turnExtended":
    case "equity.thresholdSet":
    case "equity.dominanceDetected":
    case "equity.summaryShared":
    case "equity.summaryHidden":
      return applyQueueEvent(state, event);
    case "agenda.itemAdded":
    case "agenda.itemUpdated":
    case "agenda.itemRemoved":
    case "agenda.itemMoved":
    case "agenda.templateApplied":
    case "agenda.itemsCarriedOver":
    case "agenda.scheduledMinutesSet":
      return applyAgendaEvent(state, event);
    case "charter.updated":
      return applyCharterEvent(state, event);
    case "prework.assumptionAdded":
    case "prework.assumptionUpdated":
    case "prework.assumptionRemoved":
    case "prework.dataLinkAdded":
    case "prework.dataLinkRemoved":
    case "assumption.marked":
      return applyPreworkEvent(state, event);
    case "meeting.started":
    case "facilitation.phaseAdvanced":
    case "facilitation.steppedBack":
    case "timer.paused":
    case "timer.resumed":
    case "timer.extended":
    case "meeting.ended":
    case "debate.closed":
    case "debate.reopened":
    case "item.notesSet":
      return applyFacilitationEvent(state, event);
    case "parkingLot.added":
    case "parkingLot.removed":
    case "parkingLot.promoted":
      return applyParkingLotEvent(state, event);
    case "roles.optedIn":
    case "roles.optedOut":
    case "roles.policySet":
    case "roles.assigned":
      return applyRolesEvent(state, event);
    case "commitment.captured":
    case "commitment.edited":
    case "commitment.cancelled":
    case "commitment.syncRetryRequested":
    case "commitment.syncStarted":
    case "commitment.syncSucceeded":
    case "commitment.syncFailed":
    case "commitment.progressRead":
    case "commitment.cancelledInPlanner":
      return applyCommitmentEvent(state, event);
    case "commitments.targetChosen":
      return applyTargetChosen(state, event);
  }
}

/** Replays events from a starting state; replaying a meeting's whole log rebuilds its state. */
export function replay(initial: MeetingState, events: readonly DomainEvent[]): MeetingState {
  return events.reduce(applyEvent, initial);
}
