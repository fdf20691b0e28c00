import path from "node:path";
import { z } from "zod";
import { summarizeIssues } from "../src/protocol/zodErrors.ts";
import type { LogLevel } from "./logger.ts";
import type { PlannerAuthMode } from "./planner/tokens.ts";

/**
 * Everything the server reads from its environment, validated once at start-up. Production mode is
 * chosen by the presence of Entra configuration; without it Concord runs locally with the meeting
 * simulator, dev identity provider and emulators, which production can never switch on.
 */
export interface Config {
  mode: "development" | "production";
  port: number;
  host: string;
  /** The https origin Teams loads the tab from (used for links and the dev token issuer). */
  publicOrigin: string;
  databaseFile: string;
  clientDir: string;
  devClientDir: string;
  logLevel: LogLevel;
  heartbeatIntervalMs: number;
  /** Development only: run meeting time this many times faster than real time (end-to-end tests). */
  clockRate: number;
  /** How soon the Planner progress poller reads a plan again after seeing a change there: its shortest interval. */
  plannerPollMinIntervalMs: number;
  entra?: { clientId: string; apiResource?: string; allowedTenants: "*" | string[] };
  bot?: { appId: string; appSecret: string; serviceUrl: string; authority?: string };
  planner: PlannerConfig;
}

/**
 * Planner access. `auth` is whose permission the background worker writes with (see
 * planner/tokens.ts); the settings page's pickers always act as the person using them. `graph` is
 * production's way to Microsoft Graph — null in development (the emulator) and in a production
 * without a client secret, which then keeps commitments in Concord and writes nothing to Planner.
 */
export interface PlannerConfig {
  auth: PlannerAuthMode;
  graph: { clientSecret: string; baseUrl: string; authorityHost: string } | null;
  /** The Teams app id (manifest `id`): task references deep-link into the personal tab; without it they link to the tab at PUBLIC_ORIGIN. */
  teamsAppId: string | null;
}

/** The progress poller's shortest interval per plan when PLANNER_POLL_MIN_SECONDS is not set, in seconds. */
export const DEFAULT_PLANNER_POLL_MIN_SECONDS = 30;
/** The shortest interval between two progress reads of one plan that production accepts, in seconds. */
export const PRODUCTION_MIN_PLANNER_POLL_SECONDS = 15;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: optionalText,
  PUBLIC_ORIGIN: z.url().optional(),
  DATA_DIR: z.string().default("data"),
  DATABASE_FILE: optionalText,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(1_000).default(30_000),
  DEV_CLOCK_RATE: z.coerce.number().min(1).max(3_600).default(1),
  ENTRA_CLIENT_ID: optionalText.pipe(z.uuid("must be the app registration's client id (a GUID)").optional()),
  ENTRA_API_RESOURCE: optionalText,
  ENTRA_ALLOWED_TENANTS: optionalText,
  BOT_APP_ID: optionalText,
  BOT_APP_SECRET: optionalText,
  TEAMS_SERVICE_URL: optionalText.pipe(z.url().optional()),
  BOT_AUTHORITY: optionalText.pipe(z.url().optional()),
  // Planner (production): ENTRA_CLIENT_SECRET is the app registration's secret, used for on-behalf-of
  // (the pickers, and PLANNER_AUTH=delegated) and client credentials (PLANNER_AUTH=application, the
  // default: Tasks.ReadWrite.All granted by an admin). GRAPH_BASE_URL and ENTRA_AUTHORITY_HOST are for
  // national clouds. TEAMS_APP_ID makes task references deep links into Teams.
  PLANNER_AUTH: optionalText.pipe(z.enum(["application", "delegated"], "must be application or delegated").optional()),
  ENTRA_CLIENT_SECRET: optionalText,
  GRAPH_BASE_URL: optionalText.pipe(z.url().optional()),
  ENTRA_AUTHORITY_HOST: optionalText.pipe(z.url().optional()),
  TEAMS_APP_ID: optionalText.pipe(z.uuid("must be the Teams app id (a GUID)").optional()),
  // the progress poller's shortest interval per plan; end-to-end tests shorten it, production has a floor
  PLANNER_POLL_MIN_SECONDS: optionalText.pipe(
    z.coerce
      .number<string>("must be a number of seconds")
      .min(0.1, "must be at least 0.1 seconds")
      .max(900, "must be at most 900 seconds (the longest a quiet plan waits)")
      .optional(),
  ),
});

/** Reads and checks configuration; throws one error naming every bad or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, projectRoot = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${summarizeIssues(parsed.error)}`);
  const vars = parsed.data;
  const isProduction = vars.ENTRA_CLIENT_ID !== undefined;
  const pollMinSeconds = vars.PLANNER_POLL_MIN_SECONDS ?? DEFAULT_PLANNER_POLL_MIN_SECONDS;
  const problems: string[] = [];

  let bot: Config["bot"];
  let entra: Config["entra"];
  if (isProduction) {
    if (!vars.ENTRA_ALLOWED_TENANTS) problems.push("ENTRA_ALLOWED_TENANTS: list the tenant ids allowed to use Concord, or * for any");
    if (!vars.PUBLIC_ORIGIN) problems.push("PUBLIC_ORIGIN: the https origin Teams loads the tab from");
    if (vars.DEV_CLOCK_RATE !== 1) problems.push("DEV_CLOCK_RATE: a fast clock is for development only; remove it in production");
    const missingBot = (["BOT_APP_ID", "BOT_APP_SECRET", "TEAMS_SERVICE_URL"] as const).filter((name) => !vars[name]);
    for (const name of missingBot) problems.push(`${name}: needed to resolve meeting roles through Teams`);
    if (vars.PLANNER_AUTH && !vars.ENTRA_CLIENT_SECRET) problems.push(`ENTRA_CLIENT_SECRET: needed to write to Planner with PLANNER_AUTH=${vars.PLANNER_AUTH}`);
    if (pollMinSeconds < PRODUCTION_MIN_PLANNER_POLL_SECONDS) {
      problems.push(
        `PLANNER_POLL_MIN_SECONDS: must be at least ${PRODUCTION_MIN_PLANNER_POLL_SECONDS} in production (reading each plan every ${pollMinSeconds} s risks Microsoft Graph's throttling); shorter intervals are for development and tests`,
      );
    }
    if (problems.length > 0) throw new Error(`Invalid production configuration:\n  ${problems.join("\n  ")}`);
    const tenants = vars.ENTRA_ALLOWED_TENANTS!;
    entra = {
      clientId: vars.ENTRA_CLIENT_ID!,
      ...(vars.ENTRA_API_RESOURCE ? { apiResource: vars.ENTRA_API_RESOURCE } : {}),
      allowedTenants: tenants === "*" ? "*" : tenants.split(",").map((tenant) => tenant.trim()).filter(Boolean),
    };
    bot = {
      appId: vars.BOT_APP_ID!,
      appSecret: vars.BOT_APP_SECRET!,
      serviceUrl: vars.TEAMS_SERVICE_URL!,
      ...(vars.BOT_AUTHORITY ? { authority: vars.BOT_AUTHORITY } : {}),
    };
  }

  const dataDir = path.resolve(projectRoot, vars.DATA_DIR);
  return {
    mode: isProduction ? "production" : "development",
    port: vars.PORT,
    host: vars.HOST ?? (isProduction ? "0.0.0.0" : "127.0.0.1"),
    publicOrigin: (vars.PUBLIC_ORIGIN ?? `http://localhost:${vars.PORT}`).replace(/\/$/, ""),
    databaseFile: vars.DATABASE_FILE ? path.resolve(projectRoot, vars.DATABASE_FILE) : path.join(dataDir, "concord.sqlite"),
    clientDir: path.resolve(projectRoot, "dist/client"),
    devClientDir: path.resolve(projectRoot, "dist/dev"),
    logLevel: vars.LOG_LEVEL,
    heartbeatIntervalMs: vars.HEARTBEAT_INTERVAL_MS,
    clockRate: vars.DEV_CLOCK_RATE,
    plannerPollMinIntervalMs: Math.round(pollMinSeconds * 1000),
    ...(entra ? { entra } : {}),
    ...(bot ? { bot } : {}),
    planner: {
      auth: vars.PLANNER_AUTH ?? "application",
      graph:
        isProduction && vars.ENTRA_CLIENT_SECRET
          ? {
              clientSecret: vars.ENTRA_CLIENT_SECRET,
              baseUrl: (vars.GRAPH_BASE_URL ?? "https://graph.microsoft.com").replace(/\/+$/, ""),
              authorityHost: (vars.ENTRA_AUTHORITY_HOST ?? "https://login.microsoftonline.com").replace(/\/+$/, ""),
            }
          : null,
      teamsAppId: vars.TEAMS_APP_ID ?? null,
    },
  };
}
