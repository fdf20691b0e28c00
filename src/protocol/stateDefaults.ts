// Zod-free starting values of the agenda-related state: `emptyMeeting` builds a new meeting from
// them, and the snapshot schema fills them into snapshots saved before these fields existed.
import type { Agenda, Charter, Facilitation, Prework, RolesState } from "./agendaSnapshot.ts";
import { APP_ROLES } from "./vocabulary.ts";

export const emptyAgenda = (): Agenda => ({ order: [], items: {}, scheduledMinutes: null, lastTemplate: null });

/** A new meeting's charter: consent by default, every role in use, nobody named as a decider yet. */
export const defaultCharter = (): Charter => ({
  deciderIds: [],
  decisionRule: "consent",
  groundRules: "",
  rolesInUse: [...APP_ROLES],
  updatedBy: null,
  updatedAt: null,
});

export const emptyPrework = (): Prework => ({ assumptions: {}, dataLinks: {} });

export const notStartedFacilitation = (): Facilitation => ({
  status: "notStarted",
  startedAt: null,
  startedBy: null,
  endedAt: null,
  endedBy: null,
  current: null,
  usage: {},
  unfinishedItemIds: [],
});

export const defaultRoles = (): RolesState => ({ policy: "rotate", optIns: {}, byItem: {} });
