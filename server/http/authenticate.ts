import type { Request, RequestHandler } from "express";
import { TokenRejectedError, type Identity, type TokenVerifier } from "../auth/identity.ts";
import { HttpError } from "./errors.ts";

const identities = new WeakMap<Request, Identity>();

/** Requires a valid `Authorization: Bearer` token on every request it guards. */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (request, _response, next) => {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer ([^\s]+)$/i.exec(header);
    if (!match) throw new HttpError(401, "unauthorized", "An Authorization: Bearer token is required.");
    try {
      identities.set(request, await verifier.verify(match[1]!));
    } catch (error) {
      if (error instanceof TokenRejectedError) throw new HttpError(401, "unauthorized", `The token was refused: ${error.reason}.`);
      throw error;
    }
    next();
  };
}

/** The identity `authenticate` proved for this request. */
export function identityOf(request: Request): Identity {
  const identity = identities.get(request);
  if (!identity) throw new Error("identityOf called on a route without authenticate()");
  return identity;
}
