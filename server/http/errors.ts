import type { ErrorRequestHandler, Response } from "express";
import type { ErrorBody } from "../../src/protocol/rest.ts";
import type { Logger } from "../logger.ts";

/** An error with the HTTP status and code a client should see. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function sendError(response: Response, error: HttpError): void {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  response.status(error.status).json(body);
}

/** Last handler: known errors keep their status, body-parser's become 400/413, anything else a 500 without details. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    if (error instanceof HttpError) return sendError(response, error);
    const type = (error as { type?: unknown }).type;
    if (type === "entity.too.large") return sendError(response, new HttpError(413, "tooLarge", "The request body is too large."));
    if (type === "entity.parse.failed") return sendError(response, new HttpError(400, "invalidJson", "The request body is not valid JSON."));
    logger.error("request failed", { error: error instanceof Error ? error.stack : String(error) });
    sendError(response, new HttpError(500, "internal", "Something went wrong on the server."));
  };
}
