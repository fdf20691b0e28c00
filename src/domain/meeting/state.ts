import type { MeetingState } from "../../protocol/snapshot.ts";
import { defaultCharter, defaultRoles, emptyAgenda, emptyPrework, notStartedFacilitation } from "../../protocol/stateDefaults.ts";

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
} from "../../protocol/snapshot.ts";

/** A meeting before anything has happened in it. */
export function emptyMeeting(meetingId: string): MeetingState {
  return {
    meetingId,
    participants: {},
    queue: {},
    floor: null,
    nextArrival: 0,
    agenda: emptyAgenda(),
    charter: defaultCharter(),
    prework: emptyPrework(),
    parkingLot: {},
    facilitation: notStartedFacilitation(),
    roles: defaultRoles(),
    nextLocalId: 0,
  };
}
