import type { MeetingRole } from "../../protocol/ids.ts";

/** Who is acting, as the server established it: identity from the verified token, role from the role resolver. */
export interface Actor {
  userId: string;
  displayName: string;
  meetingRole: MeetingRole;
}

/** Everything `decide` needs besides state and command. Time is injected so decisions replay identically. */
export interface DecideContext {
  now: number;
  actor: Actor;
}
