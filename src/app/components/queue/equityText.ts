import type { Strings } from "../../i18n/strings.ts";

/** A multiple of the fair share to one decimal in the reader's language: "2.5", "2,5". */
export function ratioText(strings: Strings, ratio: number): string {
  return new Intl.NumberFormat(strings.locale, { maximumFractionDigits: 1 }).format(ratio);
}

/** A Gini coefficient to two decimals: "0.31", "0,31". */
export function giniText(strings: Strings, gini: number): string {
  return new Intl.NumberFormat(strings.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(gini);
}

/** A moment as a time of day ("10:42 AM", "10 h 42"), for "as of" lines. */
export function timeOfDay(strings: Strings, at: number): string {
  return new Intl.DateTimeFormat(strings.locale, { hour: "numeric", minute: "2-digit" }).format(at);
}
