import type { IncomingMessage } from "node:http";
import { WS_BEARER_PREFIX, WS_SUBPROTOCOL } from "../../src/protocol/messages.ts";

/**
 * Browsers cannot set headers on a WebSocket, so the token rides as a subprotocol `bearer.<jwt>`
 * beside `concord.v1` (a query string would land in access logs). Returns the token or why not.
 */
export function tokenFromUpgrade(request: IncomingMessage): { token: string } | { problem: string } {
  const offered = (request.headers["sec-websocket-protocol"] ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
  if (!offered.includes(WS_SUBPROTOCOL)) return { problem: `subprotocol ${WS_SUBPROTOCOL} required` };
  const bearer = offered.find((value) => value.startsWith(WS_BEARER_PREFIX));
  if (!bearer || bearer.length === WS_BEARER_PREFIX.length) return { problem: "bearer token subprotocol missing" };
  return { token: bearer.slice(WS_BEARER_PREFIX.length) };
}
