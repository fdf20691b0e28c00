import type { Strings } from "../../i18n/strings.ts";

/**
 * An estimated wait in words, as rough as the estimate is: "less than a minute", "about 4 minutes"
 * (whole minutes up to ten), then "about 15 minutes" (to the nearest five). Never to the second.
 */
export function waitText(strings: Strings, waitMs: number): string {
  const minutes = waitMs / 60_000;
  if (minutes < 1) return strings.t("wait.underMinute");
  const rounded = minutes < 10 ? Math.round(minutes) : Math.round(minutes / 5) * 5;
  return strings.plural("wait.minutes", rounded);
}

/** A share of the floor (0 to 1) as a whole percentage in the reader's language: "18%", "18 %". */
export function shareText(strings: Strings, share: number): string {
  return new Intl.NumberFormat(strings.locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}
