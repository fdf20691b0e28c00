/**
 * Limits enforced at every boundary. One place so the client can show the same limits the
 * server enforces, and so tests can name them instead of guessing numbers.
 */
export const Limits = {
  /** Largest WebSocket frame or JSON body the server will parse. */
  maxMessageBytes: 16 * 1024,
  /** Longest free text a participant can attach (a raised hand's topic, later notes and rationale). */
  maxTopicLength: 280,
  maxDisplayNameLength: 120,
  maxIdLength: 200,
  /** Sustained commands per second per user, and the burst a token bucket allows on top. */
  commandsPerSecond: 10,
  commandBurst: 20,
  /** Most events a reconnecting client is sent as a diff before it gets a snapshot instead. */
  maxCatchUpEvents: 500,
} as const;
