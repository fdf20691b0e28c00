import type { MeetingRole } from "../../../../src/protocol/ids.ts";
import { uuidV5 } from "./nameBasedUuid.ts";

/** The one Entra tenant every simulated participant belongs to. */
export const DEV_TENANT_ID = "c0c0de00-5eed-4a11-8d00-00000000c0de";

/** Domain of simulated user principal names; `.test` is reserved, so it can never reach a real mailbox. */
export const DEV_USER_DOMAIN = "concord-dev.test";

/** A simulated meeting participant, as the simulator shows them and tells the server about them. */
export interface Participant {
  displayName: string;
  meetingRole: MeetingRole;
  /** Entra object id (`oid`), derived from the display name: see {@link userIdFor}. */
  userId: string;
  userPrincipalName: string;
}

/** Trims and collapses whitespace: what the simulator shows as the person's name. */
export function cleanDisplayName(displayName: string): string {
  return displayName.normalize("NFC").trim().replace(/\s+/g, " ");
}

/**
 * The stable user id of a simulated person: the version 5 UUID of their display name, cleaned and
 * lower-cased, in the namespace {@link DEV_TENANT_ID}. Reloading the page, or naming "avery chen"
 * instead of "Avery Chen", keeps the same person.
 */
export function userIdFor(displayName: string): string {
  return uuidV5(DEV_TENANT_ID, cleanDisplayName(displayName).toLowerCase());
}

/** `avery.chen@concord-dev.test` for "Avery Chen"; names without Latin letters fall back to their user id. */
export function userPrincipalNameFor(displayName: string): string {
  const localPart = cleanDisplayName(displayName)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
  return `${localPart || `user.${userIdFor(displayName).slice(0, 8)}`}@${DEV_USER_DOMAIN}`;
}

/** The full simulated identity of a person with this name and role. */
export function participantFor(displayName: string, meetingRole: MeetingRole): Participant {
  const name = cleanDisplayName(displayName);
  return { displayName: name, meetingRole, userId: userIdFor(name), userPrincipalName: userPrincipalNameFor(name) };
}
