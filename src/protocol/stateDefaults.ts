// Zod-free starting values of the state added after the first release: `emptyMeeting` builds a new
// meeting from them, and the snapshot schema fills them into snapshots saved before they existed.
import type { Agenda, Charter, Facilitation, Prework, RolesState } from "./agendaSnapshot.ts";
import { APP_ROLES } from "./vocabulary.ts";
import type { EquityState, QueueSettings, RoundsState } from "./queueSnapshot.ts";

export const emptyAgenda = (): Agenda => ({ order: [], items: {}, scheduledMinutes: null, lastTemplate: null, carriedOverFrom: [] });

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

/** A new meeting's queue: first in, first out, open, no turn limit. */
export const defaultQueueSettings = (): QueueSettings => ({ policy: "fifo", isClosed: false, turnLimitSeconds: null });

export const noRounds = (): RoundsState => ({ current: null, count: 0, lastStarterId: null });

/** The dominance alert's default: a share above twice the fair share. */
export const DEFAULT_DOMINANCE_RATIO = 2;

export const defaultEquity = (): EquityState => ({ dominanceRatio: DEFAULT_DOMINANCE_RATIO, alerts: {}, sharedSummary: null });
