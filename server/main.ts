import path from "node:path";
import type { Router } from "express";
import { loadConfig, type Config } from "./config.ts";
import { createBotTokenProvider } from "./auth/botTokenProvider.ts";
import { entraProductionVerifierOptions } from "./auth/entraConfig.ts";
import { createTokenVerifier } from "./auth/entraTokenVerifier.ts";
import type { RoleResolver, TokenVerifier } from "./auth/identity.ts";
import { createTeamsRoleResolver } from "./auth/teamsRoleResolver.ts";
import { createInProcessBus } from "./bus/inProcessBus.ts";
import { fastClock, systemClock } from "./clock.ts";
import { createDevIdentityProvider } from "./dev/identityProvider.ts";
import { diagnosticsRoutes } from "./dev/diagnostics.ts";
import { createDevRoster } from "./dev/roster.ts";
import { createGraphTokenVerifier } from "./dev/planner/graphAuth.ts";
import { createPlannerEmulator } from "./dev/planner/plannerEmulator.ts";
import { createSimulatorRouter } from "./dev/simulator/simulatorRoutes.ts";
import { createLogger, type Logger } from "./logger.ts";
import type { PlannerServices } from "./http/planner/plannerRoutes.ts";
import { createGraphClient } from "./planner/graphClient.ts";
import { tabCommitmentLinks, teamsCommitmentLinks, type CommitmentLinks } from "./planner/commitmentLinks.ts";
import { PlannerApi, createPlannerApi } from "./planner/plannerApi.ts";
import type { PlannerSyncChoice } from "./planner/plannerSync.ts";
import {
  createApplicationTokenSource,
  createDelegatedTokenSource,
  createDevelopmentTokenSource,
  createSsoAssertions,
  rememberingAssertions,
} from "./planner/tokens.ts";
import { startServer } from "./server.ts";
import { createSqliteEventStore } from "./store/sqlite/sqliteEventStore.ts";
import { createSqlitePlannerTargetStore } from "./store/sqlite/sqlitePlannerTargetStore.ts";

/** The audience the dev identity provider signs for; it stands in for the Entra client id locally. */
const DEV_AUDIENCE = "concord-local-development";

interface Identity {
  verifier: TokenVerifier;
  roleResolver: RoleResolver;
  devRouters: { path: string; router: Router }[];
  /** Planner as a person, for the settings page's pickers and checking a chosen plan. */
  plannerFor: PlannerServices["plannerFor"];
  /** The background Planner worker's access; null when this server cannot reach Graph. */
  plannerSync: PlannerSyncChoice | null;
}

/** Task references deep-link into Teams when the app id is known, else to the tab itself. */
function commitmentLinks(config: Config): CommitmentLinks {
  return config.planner.teamsAppId ? teamsCommitmentLinks(config.planner.teamsAppId) : tabCommitmentLinks(config.publicOrigin);
}

/** Production: Entra tokens and Teams' participant API. Nothing from server/dev is reachable. */
function productionIdentity(config: Config): Identity {
  const { entra, bot } = config;
  if (!entra || !bot) throw new Error("production mode requires Entra and bot configuration");
  const verifier = createTokenVerifier(entraProductionVerifierOptions(entra));
  const { graph } = config.planner;
  // each verified SSO token is remembered (in memory, on the server) for on-behalf-of exchanges
  const assertions = createSsoAssertions();
  const credentials = graph ? { clientId: entra.clientId, clientSecret: graph.clientSecret, authorityHost: graph.authorityHost } : null;
  const personTokens = credentials ? createDelegatedTokenSource(credentials, assertions) : null;
  const workerTokens = credentials && config.planner.auth === "application" ? createApplicationTokenSource(credentials) : personTokens;
  return {
    verifier: graph ? rememberingAssertions(verifier, assertions) : verifier,
    roleResolver: createTeamsRoleResolver({
      serviceUrl: bot.serviceUrl,
      tokenProvider: createBotTokenProvider({ clientId: bot.appId, clientSecret: bot.appSecret, ...(bot.authority ? { authority: bot.authority } : {}) }),
    }),
    devRouters: [],
    // without ENTRA_CLIENT_SECRET there is no Graph access: the Planner pickers answer 503 and say so
    plannerFor: graph && personTokens ? (caller) => createPlannerApi({ baseUrl: graph.baseUrl, token: () => personTokens.getToken(caller) }) : null,
    plannerSync:
      graph && workerTokens
        ? { plannerFor: (caller) => createPlannerApi({ baseUrl: graph.baseUrl, token: () => workerTokens.getToken(caller) }), links: commitmentLinks(config) }
        : null,
  };
}

/** Development: the dev identity provider, the simulator's roster and the Planner emulator, through the same verifier code. */
async function developmentIdentity(config: Config, logger: Logger): Promise<Identity> {
  const idp = await createDevIdentityProvider({ issuerBase: `${config.publicOrigin}/dev/idp`, audience: DEV_AUDIENCE });
  const roster = createDevRoster({ file: path.join(path.dirname(config.databaseFile), "dev-roster.json") });
  // Graph at <origin>/dev/graph (the Graph client's baseUrl), its page at /dev/planner/; kept on disk like the roster
  const planner = createPlannerEmulator({
    verifier: createGraphTokenVerifier(idp.graphVerifierOptions),
    file: path.join(path.dirname(config.databaseFile), "planner-emulator.json"),
    logger,
  });
  // the emulator stands in for Graph, with delegated tokens from the dev identity provider; they never reach a browser
  const graphBaseUrl = `${config.publicOrigin}/dev/graph`;
  const graphTokens = createDevelopmentTokenSource({ mode: "delegated", issue: (request) => idp.issueGraphToken(request) });
  // the worker writes as PLANNER_AUTH says, as in production: Concord itself, or the commitment's creator
  const workerTokens = createDevelopmentTokenSource({ mode: config.planner.auth, issue: (request) => idp.issueGraphToken(request) });
  return {
    verifier: createTokenVerifier(idp.verifierOptions),
    roleResolver: roster.resolver,
    devRouters: [
      { path: "/dev/idp", router: idp.router },
      { path: "/dev/meeting", router: createSimulatorRouter({ distDir: config.devClientDir }) },
      { path: "/dev", router: roster.router },
      { path: "/dev", router: diagnosticsRoutes() },
      { path: "/dev", router: planner.router },
    ],
    plannerFor: (caller) => new PlannerApi(createGraphClient({ baseUrl: graphBaseUrl, token: () => graphTokens.getToken(caller) }), graphBaseUrl),
    plannerSync: { plannerFor: (caller) => createPlannerApi({ baseUrl: graphBaseUrl, token: () => workerTokens.getToken(caller) }), links: commitmentLinks(config) },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger: Logger = createLogger(config.logLevel);
  const identity = config.mode === "production" ? productionIdentity(config) : await developmentIdentity(config, logger);
  const clock = config.clockRate === 1 ? systemClock : fastClock(config.clockRate);
  const server = await startServer({
    ...config,
    ...identity,
    plannerSync: identity.plannerSync && { ...identity.plannerSync, poller: { minIntervalMs: config.plannerPollMinIntervalMs } },
    store: await createSqliteEventStore({ filename: config.databaseFile }),
    bus: createInProcessBus(),
    planner: {
      targets: await createSqlitePlannerTargetStore({ filename: config.databaseFile }),
      plannerFor: identity.plannerFor,
      // when a target was chosen is a real instant, not meeting time a fast development clock runs
      now: () => systemClock.now(),
    },
    clock,
    tokenClock: systemClock,
    logger,
  });
  logger.info("Concord is listening", { url: server.url, mode: config.mode, database: config.databaseFile });
  if (!identity.plannerSync) logger.warn("Planner is off: commitments stay in Concord until ENTRA_CLIENT_SECRET is configured");
  if (config.mode === "development") {
    process.stdout.write(`\n  Concord is running in development mode.\n  Open the meeting simulator: ${config.publicOrigin}/dev/meeting/\n  Planner emulator: ${config.publicOrigin}/dev/planner/\n\n`);
  }

  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    logger.info("stopping", { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("unclean stop", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Concord could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
