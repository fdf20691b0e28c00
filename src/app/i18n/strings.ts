import type { RejectionCode } from "../../protocol/rejections.ts";
import { interpolate, pickPlural, type Catalog, type PluralForms, type PluralKey, type PluralParams, type TextKey, type TextParams } from "./catalog.ts";
import { en } from "./en.ts";
import { frCA } from "./fr-CA.ts";

/** The languages Concord speaks. */
export type Locale = "en" | "fr-CA";

const catalogs: Record<Locale, Catalog> = { en, "fr-CA": frCA };

/** Picks Concord's language for a BCP 47 tag from Teams (`fr-ca`, `fr-FR`, `en-us`…): any French gets fr-CA. */
export function resolveLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith("fr") ? "fr-CA" : "en";
}

/** Translated, interpolated messages for one locale. */
export interface Strings {
  readonly locale: Locale;
  /** A plain message with its `{placeholders}` left in, for {@link interpolateNodes}. */
  template(key: TextKey): string;
  /** A plain message, with its `{placeholders}` filled in. */
  t<K extends TextKey>(key: K, ...params: TextParams<K>): string;
  /** A message with plural forms; `{count}` is the count, formatted for the locale. */
  plural<K extends PluralKey>(key: K, count: number, ...params: PluralParams<K>): string;
  /** "2nd" / "2e". */
  ordinal(value: number): string;
  /** A human sentence for a server rejection code. */
  rejection(code: RejectionCode): string;
}

const cache = new Map<Locale, Strings>();

/** The strings for a locale; one shared instance per locale so React can compare them cheaply. */
export function stringsFor(locale: Locale): Strings {
  const cached = cache.get(locale);
  if (cached) return cached;
  const catalog = catalogs[locale];
  const cardinal = new Intl.PluralRules(locale);
  const ordinalRules = new Intl.PluralRules(locale, { type: "ordinal" });
  const numbers = new Intl.NumberFormat(locale);
  const entries: Readonly<Record<string, string | PluralForms | undefined>> = catalog;
  // falling back to the key only matters to untyped callers: a visible key beats a crash
  const textOf = (key: string): string => {
    const message = entries[key];
    return typeof message === "string" ? message : key;
  };
  const strings: Strings = {
    locale,
    template: textOf,
    t: (key, ...params) => interpolate(textOf(key), params[0]),
    plural: (key, count, ...params) =>
      interpolate(pickPlural(catalog[key] as PluralForms, cardinal, count), { ...params[0], count: numbers.format(count) }),
    ordinal: (value) => interpolate(pickPlural(catalog.ordinal, ordinalRules, value), { count: value }),
    rejection: (code) => textOf(rejectionKey(code)),
  };
  cache.set(locale, strings);
  return strings;
}

function rejectionKey(code: RejectionCode): TextKey {
  // a new RejectionCode without a message in the catalogs fails to compile here
  return `rejection.${code}`;
}
