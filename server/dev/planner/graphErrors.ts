/**
 * A failure as Microsoft Graph reports it: an HTTP status, `error.code` and message, and any headers
 * (`Retry-After`). Planner itself often leaves `code` empty, so adapters should branch on the status,
 * and on `code` only for the 403 limit codes (`MaximumTasksInProject`, …) that Planner documents.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "GraphError";
  }
}

/** The ids Graph puts on every answer: its own `request-id`, and the caller's `client-request-id` echoed. */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** The body of every Graph error: `{error: {code, message, innerError: {date, request-id, client-request-id}}}`. */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; "request-id": string; "client-request-id": string };
  };
}

/** Graph's error body for `error`; `innerError.date` is UTC to the second, without a zone, as Graph writes it. */
export function graphErrorBody(error: GraphError, ids: RequestIds, now: number): GraphErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: { date: new Date(now).toISOString().slice(0, 19), "request-id": ids.requestId, "client-request-id": ids.clientRequestId },
    },
  };
}

/** 400 for input Graph would refuse; the message names the property or header at fault. */
export function badRequest(message: string): GraphError {
  return new GraphError(400, "BadRequest", message);
}

/** 404 as Planner words it; also the answer for things in another tenant, so nothing leaks across tenants. */
export function notFound(): GraphError {
  return new GraphError(404, "NotFound", "The requested item is not found.");
}

/** 403 for a caller who may not touch the item (not a member of the plan's group, or a read-only permission). */
export function forbidden(message = "You do not have the required permissions to access this item."): GraphError {
  return new GraphError(403, "Forbidden", message);
}

/** 403 with one of Planner's limit codes, e.g. `MaximumTasksInProject`. */
export function limitExceeded(code: string, message: string): GraphError {
  return new GraphError(403, code, message);
}
