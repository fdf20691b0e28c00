/**
 * The space a meeting belongs to: the Teams thread its meeting id names. A Teams meeting id is the
 * base64 of `0#<thread id>#<message id>`: a meeting chat (`19:meeting_…@thread.v2`) for scheduled
 * meetings, a channel (`19:…@thread.tacv2`) for channel meetings. Meetings that share a thread share
 * a space — the next meeting in the same channel, or the next occurrence in the same chat. Derived
 * on the server from the meeting id the role resolver has already vouched for, never taken from a
 * client. An id of any other shape is its own space.
 */
export function spaceOfMeeting(meetingId: string): string {
  const decoded = decodeBase64(meetingId);
  const thread = decoded === null ? null : TEAMS_MEETING_ID.exec(decoded);
  return thread?.[1] ?? meetingId;
}

const TEAMS_MEETING_ID = /^0#(19:[^#\s]+@thread\.(?:v2|tacv2|skype))#\d+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function decodeBase64(value: string): string | null {
  if (!BASE64.test(value) || value.length % 4 !== 0) return null;
  return Buffer.from(value, "base64").toString("utf8");
}
