import { WS_PATH } from "../../protocol/socket.ts";

/** The realtime gateway on the origin that served the tab: `wss:` under https, `ws:` on a local http server. */
export function gatewayUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${WS_PATH}`;
}
