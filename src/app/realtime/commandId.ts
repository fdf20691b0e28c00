/**
 * A fresh id for a command; the server de-duplicates resends by it. `randomUUID` needs a secure
 * context (https or localhost); the fallback keeps a plain-http dev URL working.
 */
export function newCommandId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
