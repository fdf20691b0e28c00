/**
 * Limits enforced at every boundary. One place so the client can show the same limits the
 * server enforces, and so tests can name them instead of guessing numbers.
 */
export const Limits = {
  /** Largest WebSocket frame or JSON body the server will parse. */
  maxMessageBytes: 16 * 1024,
  /** Longest free text a participant can attach to a raised hand. */
  maxTopicLength: 280,
  maxDisplayNameLength: 120,
  maxIdLength: 200,
  /** Sustained commands per second per user, and the burst a token bucket allows on top. */
  commandsPerSecond: 10,
  commandBurst: 20,
  /** Most events a reconnecting client is sent as a diff before it gets a snapshot instead. */
  maxCatchUpEvents: 500,

  /** Agenda item title and goal. */
  maxTitleLength: 120,
  maxGoalLength: 500,
  /** An assumption's statement. */
  maxStatementLength: 500,
  /** Evidence cited for an assumption: longer than a statement because it quotes a figure and its source. */
  maxEvidenceLength: 1_000,
  maxGroundRulesLength: 2_000,
  /** An item's notes; 5,000 characters of any script still fit in one `maxMessageBytes` frame. */
  maxNotesLength: 5_000,
  maxParkingLotTextLength: 280,
  /** Why a timebox was extended. */
  maxReasonLength: 280,
  maxLinkLabelLength: 120,
  maxUrlLength: 2_000,

  maxAgendaItems: 30,
  maxPhasesPerItem: 4,
  maxAssumptionsPerItem: 200,
  maxDataLinksPerItem: 50,
  maxParkingLotEntries: 100,
  /** People named in the charter as allowed to decide. */
  maxDeciders: 50,
  /** Extensions of one phase; past this the timebox itself should be changed. */
  maxExtensionsPerPhase: 20,

  /** A phase's timebox, in whole minutes. */
  minTimeboxMinutes: 1,
  maxTimeboxMinutes: 240,
  /** One timer extension, in whole minutes. */
  minExtensionMinutes: 1,
  maxExtensionMinutes: 60,
  /** The meeting's scheduled length, in whole minutes (at most a day). */
  minScheduledMinutes: 1,
  maxScheduledMinutes: 1_440,

  /** A speaker whose last connection closed keeps the floor this long (server time) before it is released. */
  floorGraceSeconds: 30,
  /** The per-turn soft limit the timekeeper may set, in whole seconds. */
  minTurnLimitSeconds: 15,
  maxTurnLimitSeconds: 1_800,
  /** One extension of the current turn, in whole seconds. */
  minTurnExtensionSeconds: 5,
  maxTurnExtensionSeconds: 600,
  /** The dominance alert fires when a share passes this multiple of the fair share (facilitators choose). */
  minDominanceRatio: 1,
  maxDominanceRatio: 10,
  /** Floor time the meeting must have had before anyone's share is judged: one opening turn is not dominance. */
  dominanceMinFloorSeconds: 120,
  /** People listed in a shared equity summary (Teams' limit for interactive attendees). */
  maxSummaryPeople: 1_000,

  /** A commitment's title: Planner refuses task titles longer than 255 characters. */
  maxCommitmentTitleLength: 255,
  /** A commitment's notes, which become (part of) the Planner task's description. */
  maxCommitmentNotesLength: 2_000,
  /** Owners of one commitment; Planner refuses more assignees than this on one task. */
  maxCommitmentOwners: 20,
  maxCommitmentsPerMeeting: 300,
  /** Why a Planner write failed, as the worker reports it to the room. */
  maxSyncFailureReasonLength: 500,
  /** A Planner plan's or bucket's name as Concord keeps it. */
  maxPlannerNameLength: 255,
} as const;
