import { MINUTE_MS } from "../../../protocol/vocabulary.ts";

const formatters = new Map<string, { hours: Intl.NumberFormat; minutes: Intl.NumberFormat }>();

function formattersFor(locale: string) {
  let pair = formatters.get(locale);
  if (!pair) {
    pair = {
      hours: new Intl.NumberFormat(locale, { style: "unit", unit: "hour", unitDisplay: "short" }),
      minutes: new Intl.NumberFormat(locale, { style: "unit", unit: "minute", unitDisplay: "short" }),
    };
    formatters.set(locale, pair);
  }
  return pair;
}

/**
 * Whole minutes as a reader says them: "45 min", "1 hr 30 min" (English), "1 h 30 min" (French).
 * Negative values are shown by their size; the sentence around them says over or under.
 */
export function formatMinutes(totalMinutes: number, locale: string): string {
  const { hours, minutes } = formattersFor(locale);
  const size = Math.abs(Math.round(totalMinutes));
  const wholeHours = Math.floor(size / 60);
  const rest = size % 60;
  if (wholeHours === 0) return minutes.format(rest);
  return rest === 0 ? hours.format(wholeHours) : `${hours.format(wholeHours)} ${minutes.format(rest)}`;
}

/** Milliseconds of meeting time rounded to whole minutes, as the summary compares them with timeboxes. */
export function wholeMinutes(milliseconds: number): number {
  return Math.round(milliseconds / MINUTE_MS);
}
