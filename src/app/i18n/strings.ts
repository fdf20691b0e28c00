import type { RejectionCode } from "../../protocol/rejections.ts";
import { interpolate, pickPlural, type Catalog, type PluralForms, type PluralKey, type PluralParams, type TextKey, type TextParams } from "./catalog.ts";
import { en } from "./en.ts";

/** The languages Concord speaks. */
export type Locale = "en" | "fr-CA";

// English ships with the tab: what shows before Teams names a language. The meeting tab's own
// messages join it when that surface's chunk loads (addEnglishMessages), so the side panel and the
// stage never download them; a key looked up before then shows as itself rather than crashing.
// Every other catalog is downloaded whole, only by the people who read it.
const englishCatalog: Record<string, string | PluralForms> = { ...en };

const catalogLoaders: Record<Locale, () => Promise<Catalog>> = {
  en: () => Promise.resolve(englishCatalog as Catalog),
  "fr-CA": () => import("./fr-CA.ts").then((module) => module.frCA),
};

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

/** The messages of `catalog`, with the plural and number rules of `locale`. */
export function createStrings(locale: Locale, catalog: Catalog): Strings {
  const cardinal = new Intl.PluralRules(locale);
  const ordinalRules = new Intl.PluralRules(locale, { type: "ordinal" });
  const numbers = new Intl.NumberFormat(locale);
  const entries: Readonly<Record<string, string | PluralForms | undefined>> = catalog;
  // falling back to the key only matters to untyped callers: a visible key beats a crash
  const textOf = (key: string): string => {
    const message = entries[key];
    return typeof message === "string" ? message : key;
  };
  return {
    locale,
    template: textOf,
    t: (key, ...params) => interpolate(textOf(key), params[0]),
    plural: (key, count, ...params) => {
      const forms = entries[key];
      const form = typeof forms === "object" ? pickPlural(forms, cardinal, count) : textOf(key);
      return interpolate(form, { ...params[0], count: numbers.format(count) });
    },
    ordinal: (value) => interpolate(pickPlural(catalog.ordinal, ordinalRules, value), { count: value }),
    rejection: (code) => textOf(rejectionKey(code)),
  };
}

/** English: always at hand, without waiting for a download. */
export const englishStrings: Strings = createStrings("en", englishCatalog as Catalog);

/** Adds a surface's English messages to the catalog every English `Strings` reads. Call at module load, before rendering. */
export function addEnglishMessages(messages: Readonly<Record<string, string | PluralForms>>): void {
  Object.assign(englishCatalog, messages);
}

// one shared instance per locale, so React can compare them cheaply
const loaded = new Map<Locale, Strings>([["en", englishStrings]]);

/** The strings for a locale whose catalog is already here, or undefined until {@link loadStrings} has fetched it. */
export function loadedStrings(locale: Locale): Strings | undefined {
  return loaded.get(locale);
}

/**
 * The strings for a locale, downloading its catalog the first time. If the download fails it
 * resolves to English (and tries again next time): a network blip costs the translation, not the page.
 */
export async function loadStrings(locale: Locale): Promise<Strings> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  try {
    const strings = createStrings(locale, await catalogLoaders[locale]());
    loaded.set(locale, strings);
    return strings;
  } catch (error) {
    console.error(`Concord: the ${locale} messages did not download; showing English`, error);
    return englishStrings;
  }
}

function rejectionKey(code: RejectionCode): TextKey {
  // a new RejectionCode without a message in the catalogs fails to compile here
  return `rejection.${code}`;
}
