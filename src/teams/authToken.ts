import { authentication } from "@microsoft/teams-js";

/**
 * A fresh Entra SSO token for Concord's API, from Teams. Not cached here on purpose: Teams caches
 * and refreshes it, and a reconnect must never reuse an expired one.
 */
export function getAuthToken(): Promise<string> {
  return authentication.getAuthToken();
}
