import { GraphError, badRequest } from "./graphErrors.ts";

/** The resource kinds that carry their own ETag; a task and its details are versioned separately. */
export type EtagKind = "Plan" | "Bucket" | "Task" | "TaskDetails";

const ETAG_KINDS: readonly EtagKind[] = ["Plan", "Bucket", "Task", "TaskDetails"];

/**
 * A weak ETag shaped like Planner's: `W/"<base64>"`, where the base64 text reads `'1-Task  <version>'`.
 * `version` comes from one counter for the whole emulator, so an ETag is never issued twice.
 */
export function formatEtag(kind: EtagKind, version: number): string {
  const text = `'1-${kind}  ${String(version).padStart(16, "0")}'`;
  return `W/"${Buffer.from(text, "utf8").toString("base64")}"`;
}

/** The kind an ETag was issued for, or null when the value is not an ETag this emulator could have issued. */
export function etagKind(value: string): EtagKind | null {
  const match = /^(?:W\/)?"([A-Za-z0-9+/]+={0,2})"$/.exec(value.trim());
  if (!match?.[1]) return null;
  const decoded = /^'\d+-([A-Za-z]+) {2}\d+'$/.exec(Buffer.from(match[1], "base64").toString("utf8"));
  const kind = decoded?.[1];
  return ETAG_KINDS.find((known) => known === kind) ?? null;
}

/**
 * Planner's `If-Match` rules for PATCH and DELETE, as observed from the service: no header is a 412
 * ("must be specified"), a value that is not an ETag of this kind of resource (a task's ETag sent to
 * its details, `*`) is a 400, and an ETag of an older version is a 412. Throws the GraphError.
 */
export function checkIfMatch(header: string | undefined, kind: EtagKind, current: string): void {
  if (header === undefined || header.trim() === "") {
    throw new GraphError(412, "PreconditionFailed", "The If-Match header must be specified for this kind of request.");
  }
  if (etagKind(header) !== kind) throw badRequest("The If-Match header contains an invalid value.");
  if (stripWeak(header) !== stripWeak(current)) {
    throw new GraphError(
      412,
      "PreconditionFailed",
      "The resource has changed since the version named in If-Match. Read it again for its current ETag, then re-apply the change.",
    );
  }
}

function stripWeak(etag: string): string {
  return etag.trim().replace(/^W\//, "");
}
