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
import { startServer } from "./server.ts";
import { createSqliteEventStore } from "./store/sqlite/sqliteEventStore.ts";

/** The audience the dev identity provider signs for; it stands in for the Entra client id locally. */
const DEV_AUDIENCE = "concord-local-development";

interface Identity {
  verifier: TokenVerifier;
  roleResolver: RoleResolver;
  devRouters: { path: string; router: Router }[];
}

/** Production: Entra tokens and Teams' participant API. Nothing from server/dev is reachable. */
function productionIdentity(config: Config): Identity {
  const { entra, bot } = config;
  if (!entra || !bot) throw new Error("production mode requires Entra and bot configuration");
  return {
    verifier: createTokenVerifier(entraProductionVerifierOptions(entra)),
    roleResolver: createTeamsRoleResolver({
      serviceUrl: bot.serviceUrl,
      tokenProvider: createBotTokenProvider({ clientId: bot.appId, clientSecret: bot.appSecret, ...(bot.authority ? { authority: bot.authority } : {}) }),
    }),
    devRouters: [],
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
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger: Logger = createLogger(config.logLevel);
  const identity = config.mode === "production" ? productionIdentity(config) : await developmentIdentity(config, logger);
  const server = await startServer({
    ...config,
    ...identity,
    store: await createSqliteEventStore({ filename: config.databaseFile }),
    bus: createInProcessBus(),
    clock: config.clockRate === 1 ? systemClock : fastClock(config.clockRate),
    tokenClock: systemClock,
    logger,
  });
  logger.info("Concord is listening", { url: server.url, mode: config.mode, database: config.databaseFile });
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
