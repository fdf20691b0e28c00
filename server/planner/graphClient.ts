import { Client, GraphClientError, HTTPMessageHandler } from "@microsoft/microsoft-graph-client";
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

/** Microsoft Graph itself; the Planner emulator's base URL stands here in development and tests. */
export const GRAPH_BASE_URL = "https://graph.microsoft.com";

/** How long one Graph request may take before Concord gives up on it and treats it as unanswered. */
export const DEFAULT_GRAPH_TIMEOUT_MS = 30_000;

/** Gives the bearer token for one caller's Graph requests (see tokens.ts). */
export type BearerToken = () => Promise<string>;

export interface GraphClientOptions {
  /** `https://graph.microsoft.com`, or the emulator's `<origin>/dev/graph`; no trailing version. */
  baseUrl: string;
  token: BearerToken;
  /** A request still unanswered after this long is aborted; defaults to {@link DEFAULT_GRAPH_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/**
 * A token could not be had, so no request was sent. Thrown through the Graph client as a
 * GraphClientError (which the client passes on untouched) carrying the cause in `customError`.
 */
export function tokenFailureOf(error: unknown): unknown {
  return error instanceof GraphClientError ? (error as GraphClientError & { customError?: unknown }).customError : undefined;
}

/**
 * A Graph client for one caller, built on our own middleware chain: bearer → timeout → HTTP.
 *
 * - The client's AuthenticationHandler is left out: it attaches the token only to https:// URLs of
 *   Graph hosts (or `customHosts`, matched without the port) and strips it from anything else, so the
 *   emulator at http://localhost would never see one. Our handler attaches it to every request of
 *   this client, which only ever talks to the one base URL it was built for.
 * - The client's RetryHandler is left out too: it re-sends a POST after a 503 or 504, and a 504 on
 *   `POST /planner/tasks` may hide a task that was created, so a blind retry duplicates it. Whether a
 *   request may be retried is decided in syncCommitment.ts, which knows whether it may have taken effect.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const bearer = new BearerHandler(options.token);
  const timeout = new TimeoutHandler(options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS);
  const http = new HTTPMessageHandler();
  bearer.setNext(timeout);
  timeout.setNext(http);
  return Client.initWithMiddleware({ middleware: bearer, baseUrl: options.baseUrl.replace(/\/+$/, ""), defaultVersion: "v1.0" });
}

/** Puts `Authorization: Bearer <token>` on every request. */
class BearerHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly token: BearerToken) {}

  async execute(context: Context): Promise<void> {
    let token: string;
    try {
      token = await this.token();
    } catch (error) {
      // GraphRequest wraps anything else as a status -1 GraphError, indistinguishable from a lost answer
      throw Object.assign(new GraphClientError(`No Graph token: ${error instanceof Error ? error.message : String(error)}`), { customError: error });
    }
    const options = (context.options ??= {});
    options.headers = { ...headerRecord(options.headers), Authorization: `Bearer ${token}` };
    await this.requireNext().execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  private requireNext(): Middleware {
    if (!this.next) throw new Error("BearerHandler must not be the last middleware");
    return this.next;
  }
}

/** Aborts a request that has no answer after `timeoutMs`: Planner's held or lost answers must not hang the worker. */
class TimeoutHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    options.signal = AbortSignal.timeout(this.timeoutMs);
    if (!this.next) throw new Error("TimeoutHandler must not be the last middleware");
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

function headerRecord(headers: ConstructorParameters<typeof Headers>[0] | undefined): Record<string, string> {
  // Headers normalises every form fetch accepts (object, pairs, Headers) into one
  return headers === undefined ? {} : Object.fromEntries(new Headers(headers));
}
