// Socket constants without zod, so the browser can import them without shipping the schemas.

/** WebSocket subprotocol Concord speaks; the bearer token rides as a second subprotocol, `bearer.<jwt>`. */
export const WS_SUBPROTOCOL = "concord.v1";
export const WS_BEARER_PREFIX = "bearer.";
export const WS_PATH = "/ws";

/** Close codes beyond the standard range, so a client knows whether to reconnect. */
export const CloseCodes = {
  unauthorized: 4401,
  forbidden: 4403,
  unsupportedProtocol: 4400,
  tokenExpired: 4440,
  serverShutdown: 4503,
} as const;
