import { Limits } from "../../../protocol/limits.ts";

/** What is wrong with one form field, as data: the message is chosen at render time in the reader's language. */
export type FieldProblem =
  | { kind: "required" }
  | { kind: "tooLong"; max: number }
  | { kind: "minutes"; min: number; max: number }
  | { kind: "link" };

/**
 * Checks free text the way the server will: trimmed, then bounded; `required` text must not be blank.
 * Returns null when the text is acceptable.
 */
export function textProblem(value: string, max: number, required: boolean): FieldProblem | null {
  const trimmed = value.trim();
  if (required && trimmed.length === 0) return { kind: "required" };
  if (trimmed.length > max) return { kind: "tooLong", max };
  return null;
}

/** A whole number of minutes typed into a box, or why it is not one in `[min, max]`. */
export type MinutesInput = { ok: true; minutes: number } | { ok: false; problem: FieldProblem };

/** Reads whole minutes from what was typed; an empty box is `required`. */
export function parseMinutes(raw: string, min: number, max: number): MinutesInput {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, problem: { kind: "required" } };
  const minutes = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(minutes) || minutes < min || minutes > max) {
    return { ok: false, problem: { kind: "minutes", min, max } };
  }
  return { ok: true, minutes };
}

/**
 * Checks a link as the server does: absolute `https://`, a host, no user name or password, at most
 * `Limits.maxUrlLength` characters. An empty optional link is fine.
 */
export function linkProblem(value: string, required: boolean): FieldProblem | null {
  const trimmed = value.trim();
  if (trimmed.length === 0) return required ? { kind: "required" } : null;
  if (trimmed.length > Limits.maxUrlLength) return { kind: "tooLong", max: Limits.maxUrlLength };
  try {
    const url = new URL(trimmed);
    const isHttps = url.protocol === "https:" && url.hostname.length > 0 && url.username === "" && url.password === "";
    return isHttps ? null : { kind: "link" };
  } catch {
    return { kind: "link" };
  }
}
