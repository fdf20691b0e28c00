import type { z } from "zod";

/** Turns a zod error into field-level messages a person can act on: `command.payload.topic: must be at most 280 characters`. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)",
    message: issue.message,
  }));
}

export function summarizeIssues(error: z.ZodError): string {
  return describeIssues(error)
    .map(({ path, message }) => `${path}: ${message}`)
    .join("; ");
}
