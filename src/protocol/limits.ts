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
} as const;
