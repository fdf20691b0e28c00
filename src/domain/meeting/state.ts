import type { MeetingState } from "../../protocol/snapshot.ts";
import {
  defaultCharter,
  defaultEquity,
  defaultQueueSettings,
  defaultRoles,
  emptyAgenda,
  emptyPrework,
  noRounds,
  notStartedFacilitation,
} from "../../protocol/stateDefaults.ts";

export type {
  MeetingState,
  Participant,
  QueueEntry,
  Floor,
  AgendaItem,
  Agenda,
  Charter,
  Assumption,
  AssumptionOutcome,
  DataLink,
  ParkingLotEntry,
  CurrentPhase,
  PhaseUsage,
  TimerExtension,
  Facilitation,
  RoleAssignments,
  RolesState,
  Turn,
  QueueSettings,
  Round,
  RoundTurn,
  RoundsState,
  DominanceAlert,
  EquityPerson,
  EquitySummary,
  EquityState,
} from "../../protocol/snapshot.ts";

/** A meeting before anything has happened in it. */
export function emptyMeeting(meetingId: string): MeetingState {
  return {
    meetingId,
    participants: {},
    queue: {},
    floor: null,
    nextArrival: 0,
    queueSettings: defaultQueueSettings(),
    rounds: noRounds(),
    turns: [],
    equity: defaultEquity(),
    agenda: emptyAgenda(),
    charter: defaultCharter(),
    prework: emptyPrework(),
    parkingLot: {},
    facilitation: notStartedFacilitation(),
    roles: defaultRoles(),
    commitments: {},
    nextLocalId: 0,
  };
}
