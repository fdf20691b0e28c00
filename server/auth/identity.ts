import type { MeetingRole } from "../../src/protocol/ids.ts";

/** A caller proven by a verified token. */
export interface Identity {
  tenantId: string;
  /** Entra object id (`oid`): stable across apps, what Planner assignments use. */
  userId: string;
  displayName: string;
  userPrincipalName?: string;
  /** Token expiry in ms since the epoch; a socket outliving it is closed. */
  expiresAt: number;
}

/** Why a token was refused; the message is safe to log, never to show the token itself. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`token rejected: ${reason}`);
    this.name = "TokenRejectedError";
  }
}

/** Verifies a bearer token and returns who it proves, or throws TokenRejectedError. */
export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

/**
 * Resolves a person's role in a Teams meeting from a source the server trusts (Teams' meeting
 * participant API in production, the simulator's roster locally). Null: not a participant.
 */
export interface RoleResolver {
  resolve(query: { tenantId: string; meetingId: string; userId: string }): Promise<MeetingRole | null>;
}
