/**
 * The meeting the simulator opens when the URL names none. Shaped like a real Teams meeting id:
 * base64 of `0#19:meeting_<id>@thread.v2#0`, here `0#19:meeting_ConcordDevMeeting@thread.v2#0`.
 */
export const DEFAULT_MEETING_ID = "MCMxOTptZWV0aW5nX0NvbmNvcmREZXZNZWV0aW5nQHRocmVhZC52MiMw";

/** Longest meeting id the server accepts (the protocol's `Limits.maxIdLength`). */
export const MAX_MEETING_ID_LENGTH = 200;

const THREAD_PATTERN = /^0#(19:[^#\s]+@thread\.(?:v2|tacv2))#\d+$/;
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
// 13 + 41 + 12 = 66 bytes, a multiple of 3, so the base64 has no `=` padding
const RANDOM_PART_LENGTH = 41;

/** A fresh Teams-shaped meeting id; `randomBytes` is injectable so tests can pin it. */
export function createMeetingId(randomBytes: (length: number) => Uint8Array = defaultRandomBytes): string {
  // only letters and digits inside: their base64 never contains `+` or `/`, so the id is URL-safe
  const randomPart = Array.from(randomBytes(RANDOM_PART_LENGTH), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");
  return btoa(`0#19:meeting_${randomPart}@thread.v2#0`);
}

/**
 * Another meeting in the same thread as `meetingId`: the same `19:…@thread…` with a different message
 * id, the way Teams numbers meetings posted in one channel. Concord treats them as one space.
 */
export function nextMeetingIdInThread(meetingId: string, messageId: number): string {
  return btoa(`0#${chatIdFor(meetingId)}#${messageId}`);
}

/** Whether the id is a Teams meeting id (base64 of `0#<thread>#<message>`), which names the chat it belongs to. */
export function isTeamsShapedMeetingId(meetingId: string): boolean {
  const decoded = decodeBase64(meetingId);
  return decoded !== null && THREAD_PATTERN.test(decoded);
}

/** The meeting chat's thread id (`19:meeting_…@thread.v2`), which Teams reports as `chatId`. */
export function chatIdFor(meetingId: string): string {
  const decoded = decodeBase64(meetingId);
  const thread = decoded === null ? null : THREAD_PATTERN.exec(decoded);
  return thread?.[1] ?? `19:meeting_${meetingId}@thread.v2`;
}

/** Why `meetingId` cannot be used (the server's id rules), or null when it can. */
export function meetingIdProblem(meetingId: string): string | null {
  if (meetingId.length === 0) return "must not be empty";
  if (meetingId.length > MAX_MEETING_ID_LENGTH) return `must be at most ${MAX_MEETING_ID_LENGTH} characters`;
  if (!/^[\x21-\x7e]+$/.test(meetingId)) return "must be printable ASCII without spaces";
  if (["__proto__", "constructor", "prototype"].includes(meetingId)) return "is a reserved word";
  return null;
}

function decodeBase64(value: string): string | null {
  try {
    return atob(value);
  } catch {
    return null;
  }
}

function defaultRandomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}
