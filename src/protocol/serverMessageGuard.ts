import type { DomainEventType } from "./events.ts";
import type { ServerMessage } from "./messages.ts";

// The browser trusts the authenticated server for shapes but must never fold an event it does not
// know (a newer server, a half-deployed release). This check is zod-free to keep zod out of the tab.
const EVENT_TYPES = {
  "meeting.participantJoined": true,
  "meeting.participantLeft": true,
  "queue.handRaised": true,
  "queue.handLowered": true,
  "floor.granted": true,
  "floor.released": true,
  "queue.entryChanged": true,
  "queue.entryMoved": true,
  "queue.cleared": true,
  "queue.policySet": true,
  "queue.closed": true,
  "queue.reopened": true,
  "round.started": true,
  "round.passed": true,
  "round.ended": true,
  "floor.turnLimitSet": true,
  "floor.turnExtended": true,
  "equity.thresholdSet": true,
  "equity.dominanceDetected": true,
  "equity.summaryShared": true,
  "equity.summaryHidden": true,
  "agenda.itemAdded": true,
  "agenda.itemUpdated": true,
  "agenda.itemRemoved": true,
  "agenda.itemMoved": true,
  "agenda.templateApplied": true,
  "agenda.itemsCarriedOver": true,
  "agenda.scheduledMinutesSet": true,
  "charter.updated": true,
  "prework.assumptionAdded": true,
  "prework.assumptionUpdated": true,
  "prework.assumptionRemoved": true,
  "prework.dataLinkAdded": true,
  "prework.dataLinkRemoved": true,
  "assumption.marked": true,
  "meeting.started": true,
  "facilitation.phaseAdvanced": true,
  "facilitation.steppedBack": true,
  "timer.paused": true,
  "timer.resumed": true,
  "timer.extended": true,
  "meeting.ended": true,
  "debate.closed": true,
  "debate.reopened": true,
  "item.notesSet": true,
  "parkingLot.added": true,
  "parkingLot.removed": true,
  "parkingLot.promoted": true,
  "roles.optedIn": true,
  "roles.optedOut": true,
  "roles.policySet": true,
  "roles.assigned": true,
  "commitment.captured": true,
  "commitment.edited": true,
  "commitment.cancelled": true,
  "commitment.syncRetryRequested": true,
  "commitment.syncStarted": true,
  "commitment.syncSucceeded": true,
  "commitment.syncFailed": true,
  "commitment.progressRead": true,
  "commitment.cancelledInPlanner": true,
  "commitments.targetChosen": true,
} satisfies Record<DomainEventType, true>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isKnownEvent = (value: unknown): boolean =>
  isRecord(value) && typeof value.type === "string" && Object.hasOwn(EVENT_TYPES, value.type) && isRecord(value.payload);
const isSequenced = (value: unknown): boolean => isRecord(value) && typeof value.seq === "number" && isKnownEvent(value.event);

/** Whether a parsed JSON value is a server message this client version understands. */
export function isKnownServerMessage(value: unknown): value is ServerMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case "welcome":
      return (
        typeof value.seq === "number" &&
        isRecord(value.viewer) &&
        (value.mode === "snapshot" ? isRecord(value.state) : value.mode === "events" && Array.isArray(value.events) && value.events.every(isSequenced))
      );
    case "event":
      return typeof value.seq === "number" && isKnownEvent(value.event);
    case "ack":
      return typeof value.commandId === "string" && typeof value.seq === "number";
    case "reject":
      return typeof value.code === "string" && typeof value.message === "string";
    default:
      return false;
  }
}
