import type { MeetingRole } from "../../../../src/protocol/ids.ts";
import { participantFor, type Participant } from "./devIdentity.ts";
import { DEFAULT_MEETING_ID, meetingIdProblem } from "./meetingIds.ts";

/** Teams' three themes, by the names teams-js uses. */
export const THEMES = ["default", "dark", "contrast"] as const;
export type Theme = (typeof THEMES)[number];

/** Languages the simulator can put in the app's context. */
export const LOCALES = ["en-US", "fr-CA"] as const;
export type Locale = (typeof LOCALES)[number];

export const MEETING_ROLES: readonly MeetingRole[] = ["organizer", "presenter", "attendee"];

/** Most side panels one page shows; more would not fit a screen or a 2-core machine. */
export const MAX_PARTICIPANTS = 12;

/** Longest display name the server accepts (the protocol's `Limits.maxDisplayNameLength`). */
export const MAX_DISPLAY_NAME_LENGTH = 120;

/** The roster when the URL names none: one organizer, one presenter, two attendees. */
export const DEFAULT_PARTICIPANTS = "Avery Chen:organizer,Blake Okafor:presenter,Casey Nguyen:attendee,Devon Tremblay:attendee";

/** What the simulator page runs with, read from its URL. */
export interface SimulatorOptions {
  participants: Participant[];
  meetingId: string;
  theme: Theme;
  locale: Locale;
}

/** The URL parameters of the simulator page. */
export type SimulatorParameter = "participants" | "meeting" | "theme" | "locale";

/** Something in the URL the simulator could not use, and what it did instead. */
export interface OptionProblem {
  parameter: SimulatorParameter;
  message: string;
}

/** What a caller may ask for when building a simulator URL (the page model, the "New meeting" button). */
export interface SimulatorQuery {
  participants?: string | readonly { displayName: string; meetingRole: MeetingRole }[];
  meetingId?: string;
  theme?: Theme;
  locale?: Locale;
}

/**
 * Reads the page's URL parameters. Never throws: each unusable value is reported as a problem
 * naming the parameter (and the entry), and the simulator carries on with the default for it.
 */
export function parseSimulatorOptions(search: string | URLSearchParams): { options: SimulatorOptions; problems: OptionProblem[] } {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const problems: OptionProblem[] = [];

  let participants = parseParticipants(DEFAULT_PARTICIPANTS).participants;
  const participantsParam = params.get("participants");
  if (participantsParam !== null && participantsParam.trim() !== "") {
    const parsed = parseParticipants(participantsParam);
    problems.push(...parsed.problems.map((message) => ({ parameter: "participants" as const, message })));
    if (parsed.participants.length > 0) participants = parsed.participants;
    else problems.push({ parameter: "participants", message: "no usable participant was given, so the default four are shown" });
  }

  let meetingId = DEFAULT_MEETING_ID;
  const meetingParam = params.get("meeting");
  if (meetingParam !== null && meetingParam !== "") {
    const problem = meetingIdProblem(meetingParam);
    if (problem === null) meetingId = meetingParam;
    else problems.push({ parameter: "meeting", message: `"${shorten(meetingParam)}" ${problem}; the default dev meeting is open instead` });
  }

  let theme: Theme = "default";
  const themeParam = params.get("theme");
  if (themeParam !== null && themeParam !== "") {
    const match = THEMES.find((candidate) => candidate === themeParam.toLowerCase());
    if (match) theme = match;
    else problems.push({ parameter: "theme", message: `"${shorten(themeParam)}" is not one of ${THEMES.join(", ")}; using default` });
  }

  let locale: Locale = "en-US";
  const localeParam = params.get("locale");
  if (localeParam !== null && localeParam !== "") {
    const match = LOCALES.find((candidate) => candidate.toLowerCase() === localeParam.toLowerCase());
    if (match) locale = match;
    else problems.push({ parameter: "locale", message: `"${shorten(localeParam)}" is not one of ${LOCALES.join(", ")}; using en-US` });
  }

  return { options: { participants, meetingId, theme, locale }, problems };
}

/**
 * Parses `Name:role` entries separated by commas or new lines. The role is organizer, presenter or
 * attendee (any case) and may be left out for an attendee. Bad entries are left out and described.
 */
export function parseParticipants(text: string): { participants: Participant[]; problems: string[] } {
  const participants: Participant[] = [];
  const problems: string[] = [];
  const tooMany: string[] = [];
  for (const rawEntry of text.split(/[,\n]/)) {
    const entry = rawEntry.trim();
    if (entry === "") continue;
    const colon = entry.lastIndexOf(":");
    const name = (colon === -1 ? entry : entry.slice(0, colon)).trim();
    const roleText = colon === -1 ? "attendee" : entry.slice(colon + 1).trim().toLowerCase();
    const role = MEETING_ROLES.find((candidate) => candidate === roleText);
    const label = `"${shorten(entry)}"`;
    if (name === "") {
      problems.push(`${label}: the name is missing (write Name:role)`);
    } else if (!role) {
      problems.push(`${label}: the role must be organizer, presenter or attendee`);
    } else if (/\p{Cc}/u.test(name)) {
      problems.push(`${label}: the name contains control characters`);
    } else if (name.length > MAX_DISPLAY_NAME_LENGTH) {
      problems.push(`${label}: the name is longer than ${MAX_DISPLAY_NAME_LENGTH} characters`);
    } else {
      const participant = participantFor(name, role);
      const twin = participants.find((existing) => existing.userId === participant.userId);
      if (twin) problems.push(`${label}: the same person as "${twin.displayName}" (names are compared ignoring case and spacing)`);
      else if (participants.length >= MAX_PARTICIPANTS) tooMany.push(participant.displayName);
      else participants.push(participant);
    }
  }
  if (tooMany.length > 0) {
    problems.push(`at most ${MAX_PARTICIPANTS} participants are simulated; left out: ${tooMany.join(", ")}`);
  }
  return { participants, problems };
}

/** `Name:role,Name:role`: the `participants` parameter for these people. */
export function formatParticipants(participants: readonly { displayName: string; meetingRole: MeetingRole }[]): string {
  return participants.map((participant) => `${participant.displayName}:${participant.meetingRole}`).join(",");
}

/** The query string (with its `?`, or empty) that opens the simulator with these settings. */
export function simulatorQuery(query: SimulatorQuery): string {
  const params = new URLSearchParams();
  if (query.participants !== undefined) {
    params.set("participants", typeof query.participants === "string" ? query.participants : formatParticipants(query.participants));
  }
  if (query.meetingId !== undefined) params.set("meeting", query.meetingId);
  if (query.theme !== undefined) params.set("theme", query.theme);
  if (query.locale !== undefined) params.set("locale", query.locale);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
