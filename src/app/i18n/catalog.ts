import type { EnglishCatalog } from "./en.ts";

/** Plural forms keyed by `Intl.PluralRules` categories; `other` is the fallback every language needs. */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

type English = EnglishCatalog;

/** Every message key, taken from the English catalog. */
export type MessageKey = keyof English;

/** Keys of plain messages. */
export type TextKey = { [K in MessageKey]: English[K] extends string ? K : never }[MessageKey];

/** Keys of messages with plural forms; their `{count}` is filled in by the plural call. */
export type PluralKey = Exclude<MessageKey, TextKey>;

/**
 * The shape every catalog has: exactly the English keys, a string where English has a string and
 * plural forms where English has them. A missing or extra key in another language is a type error.
 */
export type Catalog = { readonly [K in MessageKey]: English[K] extends string ? string : PluralForms };

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type PluralText<K extends PluralKey> = English[K][keyof English[K]];

/** The parameters a plain message needs: none, or an object with one value per `{placeholder}`. */
export type TextParams<K extends TextKey> = [Placeholders<English[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<English[K]>, string | number>];

/** The parameters a plural message needs besides its count. */
export type PluralParams<K extends PluralKey> = [Exclude<Placeholders<PluralText<K>>, "count">] extends [never]
  ? []
  : [params: Record<Exclude<Placeholders<PluralText<K>>, "count">, string | number>];

/** Replaces each `{name}` with its value; a placeholder with no value is left visible rather than blanked. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** The form for `count` under the language's plural rules, falling back to `other`. */
export function pickPlural(forms: PluralForms, rules: Intl.PluralRules, count: number): string {
  const category = rules.select(count);
  return forms[category] ?? forms.other;
}

/** The `{placeholder}` names a message uses, for checking that translations keep them. */
export function placeholdersOf(message: string | PluralForms): Set<string> {
  const texts = typeof message === "string" ? [message] : Object.values(message).filter((text): text is string => typeof text === "string");
  return new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "")));
}
