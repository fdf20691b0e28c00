import type { MeetingRole } from "../../protocol/ids.ts";
import type { CarryOverOffer } from "../agenda/carryOver.ts";

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
  /**
   * For `agenda.carryOver` only: what the last meeting ended in this meeting's space left open, as
   * the server found it (null: nothing). Other meetings' logs are not the domain's to read.
   */
  carryOverOffer?: CarryOverOffer | null;
}
