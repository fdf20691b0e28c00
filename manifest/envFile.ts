import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Thrown when an env name or env file is unusable; the message names the file (and line). */
export class EnvFileError extends Error {
  override name = "EnvFileError";
}

/** The variables for one environment, and where they were read from (for error messages). */
export interface LoadedEnv {
  name: string;
  /** The env file that must exist, e.g. `env/.env.local`. */
  path: string;
  /** Every file that was read, in order of increasing precedence. */
  files: string[];
  values: Record<string, string>;
  /** Where each value came from: a file path, or "the environment" for an override. */
  origins: Record<string, string>;
}

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

function parseValue(raw: string, where: string): string {
  if (raw.startsWith('"')) {
    const match = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(raw);
    if (!match) throw new EnvFileError(`${where}: unterminated double-quoted value`);
    return match[1]!.replace(/\\(.)/g, (whole, c: string) => ESCAPES[c] ?? whole);
  }
  if (raw.startsWith("'")) {
    const match = /^'([^']*)'\s*(?:#.*)?$/.exec(raw);
    if (!match) throw new EnvFileError(`${where}: unterminated single-quoted value`);
    return match[1]!;
  }
  // As in dotenv, an unquoted value ends at a `#` that follows whitespace.
  return raw.replace(/(^|\s+)#.*$/, "").trim();
}

/**
 * Parses `KEY=VALUE` lines: blank lines and `#` comments are skipped, `export ` is allowed, values may
 * be "double-quoted" (with \n, \t, \" and \\ escapes) or 'single-quoted' (literal). A malformed line or
 * a key given twice is an error naming `path:line`.
 */
export function parseEnv(text: string, path: string): Record<string, string> {
  const values: Record<string, string> = {};
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const where = `${path}:${index + 1}`;
    const match = LINE.exec(trimmed);
    if (!match) throw new EnvFileError(`${where}: expected KEY=VALUE, got "${trimmed}"`);
    const key = match[1]!;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) throw new EnvFileError(`${where}: ${key} is already set on line ${firstLine}`);
    seen.set(key, index + 1);
    values[key] = parseValue(match[2]!, where);
  });
  return values;
}

/** Options for {@link loadEnv}. */
export interface LoadEnvOptions {
  /** The folder holding `.env.<name>` files. */
  envDir: string;
  /** Overrides for file values (normally `process.env`); undefined entries are ignored. */
  overrides?: Record<string, string | undefined>;
  /** Directory that paths in messages are shown relative to; defaults to the current directory. */
  displayRoot?: string;
}

/**
 * Loads `env/.env.<name>`, then the optional, git-ignored `env/.env.<name>.user` (for secrets, as
 * in Teams Toolkit), then the overrides: a later source wins.
 */
export function loadEnv(name: string, options: LoadEnvOptions): LoadedEnv {
  if (!ENV_NAME.test(name)) {
    throw new EnvFileError(`env name "${name}" is not valid: use letters, digits, "-" and "_" (e.g. local, dev)`);
  }
  const show = (file: string) => relative(options.displayRoot ?? process.cwd(), file) || file;
  const path = join(options.envDir, `.env.${name}`);
  if (!existsSync(path)) {
    throw new EnvFileError(`env file ${show(path)} does not exist: create it (see env/.env.dev.example) or pick another env`);
  }
  const values: Record<string, string> = {};
  const origins: Record<string, string> = {};
  const merge = (source: Record<string, string | undefined>, origin: string) => {
    for (const [key, value] of Object.entries(source)) {
      if (value === undefined) continue;
      values[key] = value;
      origins[key] = origin;
    }
  };
  const files = [path, `${path}.user`].filter((file, index) => index === 0 || existsSync(file));
  for (const file of files) merge(parseEnv(readFileSync(file, "utf8"), show(file)), show(file));
  merge(options.overrides ?? {}, "the environment");
  return { name, path: show(path), files: files.map(show), values, origins };
}
