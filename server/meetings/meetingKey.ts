import type { MeetingKey } from "../store/eventStore.ts";

/** One string per tenant and meeting, for maps and room names; the separator cannot occur in an id. */
export function meetingKeyString(key: MeetingKey): string {
  return `${key.tenantId} ${key.meetingId}`;
}
