/** Thrown when a template cannot be rendered; `missing` lists every variable that had no value. */
export class RenderError extends Error {
  override name = "RenderError";
  constructor(
    message: string,
    readonly missing: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A rendered manifest: the JSON text to write, the parsed value, and which variables fed each field. */
export interface RenderedManifest {
  json: string;
  manifest: unknown;
  /** JSON pointer of each string that contained placeholders (e.g. `/bots/0/botId`) → the variable names. */
  sources: ReadonlyMap<string, readonly string[]>;
}

/** Options for {@link renderManifest}. */
export interface RenderOptions {
  /** Where the variables are expected to be set, named in the missing-variable message (e.g. `env/.env.local`). */
  envFile?: string;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const LEFTOVER = /\$\{\{/;

const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Replaces every `${{NAME}}` (Teams Toolkit convention) in the template's string values with
 * `vars[NAME]`. Substitution happens on parsed JSON strings, never on raw text, so a value holding
 * quotes, backslashes or newlines is escaped when serialised and cannot change the JSON's shape.
 * An empty string is a value; only an absent variable is missing, and all missing ones are reported
 * together.
 */
export function renderManifest(template: string, vars: Readonly<Record<string, string>>, options: RenderOptions = {}): RenderedManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch (error) {
    throw new RenderError(`manifest template is not valid JSON (placeholders belong inside strings): ${(error as Error).message}`);
  }
  const missing = new Set<string>();
  const malformed: string[] = [];
  const sources = new Map<string, string[]>();

  const renderString = (text: string, pointer: string): string => {
    const used: string[] = [];
    const rendered = text.replace(PLACEHOLDER, (_whole, name: string) => {
      used.push(name);
      const value = vars[name];
      if (value === undefined) {
        missing.add(name);
        return "";
      }
      return value;
    });
    if (used.length > 0) sources.set(pointer, used);
    // Checked on the template text so a value that itself contains "${{" is not mistaken for a bad placeholder.
    if (LEFTOVER.test(text.replace(PLACEHOLDER, ""))) malformed.push(`${pointer || "/"}: "${text}"`);
    return rendered;
  };

  const walk = (value: unknown, pointer: string): unknown => {
    if (typeof value === "string") return renderString(value, pointer);
    if (Array.isArray(value)) return value.map((item, index) => walk(item, `${pointer}/${index}`));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        if (LEFTOVER.test(key)) malformed.push(`${pointer}/${escapePointer(key)}: placeholders are not allowed in keys`);
        out[key] = walk(item, `${pointer}/${escapePointer(key)}`);
      }
      return out;
    }
    return value;
  };

  const manifest = walk(parsed, "");
  if (malformed.length > 0) {
    throw new RenderError(`manifest template has malformed placeholders (write \${{NAME}}):\n  ${malformed.join("\n  ")}`);
  }
  if (missing.size > 0) {
    const names = [...missing].sort();
    const where = options.envFile ? ` Set ${names.length === 1 ? "it" : "them"} in ${options.envFile} or in the environment.` : "";
    throw new RenderError(`missing ${names.length === 1 ? "variable" : "variables"}: ${names.join(", ")}.${where}`, names);
  }
  return { json: `${JSON.stringify(manifest, null, 2)}\n`, manifest, sources };
}
