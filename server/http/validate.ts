import type { z } from "zod";
import { describeIssues } from "../../src/protocol/zodErrors.ts";
import { HttpError } from "./errors.ts";

/** Parses a request part with its schema, or throws a 400 that names each bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, part: "params" | "query" | "body"): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = describeIssues(parsed.error).map(({ path, message }) => ({ path: `${part}.${path}`, message }));
  throw new HttpError(400, "invalidRequest", `Invalid ${part}: ${fields.map((field) => `${field.path} ${field.message}`).join("; ")}`, fields);
}
