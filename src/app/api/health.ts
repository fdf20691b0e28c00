import type { Health } from "../../protocol/rest.ts";

/** Asks the server whether it runs in development mode; null when it cannot tell (offline, old server). */
export async function fetchServerMode(): Promise<Health["mode"] | null> {
  try {
    const response = await fetch("/healthz", { headers: { accept: "application/json" } });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<Health>;
    return body.mode === "development" || body.mode === "production" ? body.mode : null;
  } catch {
    return null;
  }
}
