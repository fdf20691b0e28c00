import { badRequest } from "./graphErrors.ts";

// Hints the service issues use '"' (34) to '~' (126): no space and no '!', so a client's composed
// "<previous> <next>!" value can never be mistaken for, or equal to, an issued one.
const MIN = 34;
const MAX = 126;

/**
 * A short hint that sorts strictly after `lower` and strictly before `upper` by ordinal comparison,
 * as Planner's order hints do. `lower` "" means no lower bound, `upper` null no upper bound.
 * Never ends in the lowest character, so there is always room before any issued hint.
 */
export function hintBetween(lower: string, upper: string | null): string {
  if (upper !== null && !(lower < upper)) throw new Error(`no hint fits between "${lower}" and "${upper}"`);
  let prefix = "";
  let isUpperActive = upper !== null;
  for (let index = 0; ; index++) {
    const low = index < lower.length ? lower.charCodeAt(index) : MIN - 1;
    const high = isUpperActive && upper !== null && index < upper.length ? upper.charCodeAt(index) : MAX + 1;
    if (low === high) {
      prefix += String.fromCharCode(low);
      continue;
    }
    const middle = Math.floor((low + high) / 2);
    if (middle > low && middle < high && middle > MIN) return prefix + String.fromCharCode(middle);
    // no room at this position: keep the lower character (or the lowest one) and look one further
    const kept = Math.max(low, MIN);
    prefix += String.fromCharCode(kept);
    if (kept < high) isUpperActive = false;
  }
}

/** Where a new or moved item goes when the client gives no hint: first or last among its siblings. */
export type DefaultPlacement = "first" | "last";

/**
 * The hint the service stores for what a client sent. Clients may only send Planner's composed form
 * `<previous hint> <next hint>!` (characters 32–126; " !" alone means "anywhere"); sending back an
 * issued value unchanged is a 400, as in Planner. The composed value already sorts where the client
 * wants the item, so the stored hint is a fresh one between its neighbours among `siblings`.
 */
export function resolveOrderHint(input: string | undefined, siblings: readonly string[], placement: DefaultPlacement, property: string): string {
  const sorted = [...siblings].sort(compareOrdinal);
  if (input === undefined) {
    return placement === "first" ? hintBetween("", sorted[0] ?? null) : hintBetween(sorted.at(-1) ?? "", null);
  }
  if (!/^[\x20-\x7e]*$/.test(input) || !input.endsWith("!") || !input.slice(0, -1).includes(" ")) {
    throw badRequest(
      `The value of '${property}' is not a valid order hint: send "<previous hint> <next hint>!" (either may be empty), not a value the service returned.`,
    );
  }
  const lower = sorted.filter((hint) => hint < input).at(-1) ?? "";
  const upper = sorted.find((hint) => hint > input) ?? null;
  return hintBetween(lower, upper);
}

/** Ordinal (code unit) comparison: how Planner's clients sort order hints. */
export function compareOrdinal(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
