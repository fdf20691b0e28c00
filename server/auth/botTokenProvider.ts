import { z } from "zod";
import { describeFetchFailure } from "./fetchFailure.ts";

/** Where single- and multi-tenant Bot Framework bots get tokens unless configured otherwise. */
export const DEFAULT_BOT_AUTHORITY = "https://login.microsoftonline.com/botframework.com";

/** The scope that lets a bot call the Bot Framework connector (and so Teams' meeting APIs). */
export const BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default";

/** A cached token is replaced this long before it expires, so no call goes out with a dying token. */
export const BOT_TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** How long a token request may take before it fails. */
export const BOT_TOKEN_TIMEOUT_MS = 10_000;

/** Gives a Bot Framework bearer token for outgoing calls. */
export interface BotTokenProvider {
  getToken(): Promise<string>;
}

export interface BotTokenProviderOptions {
  /** The bot's Microsoft App id. */
  clientId: string;
  /** The bot's client secret; never logged, never put in an error. */
  clientSecret: string;
  /** Defaults to {@link DEFAULT_BOT_AUTHORITY}; single-tenant bots use `https://login.microsoftonline.com/<tenant id>`. */
  authority?: string;
  timeoutMs?: number;
  /** Current time in ms since the epoch; injectable so tests never wait. */
  now?: () => number;
}

/** The token endpoint answered, but not with a token. */
export class BotTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BotTokenError";
  }
}

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

const TokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/**
 * OAuth2 client credentials against `{authority}/oauth2/v2.0/token` for the Bot Framework scope.
 * The token is cached until {@link BOT_TOKEN_REFRESH_MARGIN_MS} before expiry, and concurrent
 * callers share one request.
 */
export function createBotTokenProvider(options: BotTokenProviderOptions): BotTokenProvider {
  const tokenUrl = `${(options.authority ?? DEFAULT_BOT_AUTHORITY).replace(/\/+$/, "")}/oauth2/v2.0/token`;
  const timeoutMs = options.timeoutMs ?? BOT_TOKEN_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const requestToken = async (): Promise<string> => {
    const requestedAt = now();
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: options.clientId,
          client_secret: options.clientSecret,
          scope: BOT_FRAMEWORK_SCOPE,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new BotTokenError(`bot token request to ${tokenUrl} failed: ${describeFetchFailure(error)}`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const failure = TokenErrorSchema.safeParse(body);
      const detail = failure.success ? `: ${failure.data.error}${describeError(failure.data.error_description)}` : "";
      throw new BotTokenError(`bot token request to ${tokenUrl} failed with HTTP ${response.status}${detail}`);
    }
    const parsed = TokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new BotTokenError(`bot token response from ${tokenUrl} has no usable access_token/expires_in`);
    cached = {
      token: parsed.data.access_token,
      refreshAt: requestedAt + parsed.data.expires_in * 1000 - BOT_TOKEN_REFRESH_MARGIN_MS,
    };
    return cached.token;
  };

  return {
    getToken() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      pending ??= requestToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

// Entra's descriptions run to several lines of trace and correlation ids; the first says what went wrong
function describeError(description: string | undefined): string {
  const firstLine = description?.split(/\r?\n/)[0]?.trim();
  return firstLine ? ` (${firstLine})` : "";
}
