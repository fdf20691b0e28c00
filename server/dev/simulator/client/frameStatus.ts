import type { FrameStatus } from "./appHost.ts";
import { h } from "./dom.ts";

/** Words and a tone for a frame's status line, so a newcomer can tell "loading" from "broken". */
export function describeStatus(status: FrameStatus): { text: string; tone: "idle" | "busy" | "good" | "bad" } {
  switch (status.kind) {
    case "empty":
      return { text: "Nothing loaded", tone: "idle" };
    case "loading":
      return { text: "Loading… (waiting for teams-js to call initialize)", tone: "busy" };
    case "initializing":
      return { text: "Connected to the simulated Teams host", tone: "busy" };
    case "ready":
      return { text: "Ready", tone: "good" };
    case "failed":
      return { text: `The app reported a failure (${status.reason})${status.message ? `: ${status.message}` : ""}`, tone: "bad" };
  }
}

/** A status line element and the function that updates it (also mirrored as `data-status` for tests). */
export function statusLine(owner: HTMLElement): { element: HTMLElement; update: (status: FrameStatus) => void } {
  const text = h("span", { class: "status-text" });
  const element = h("p", { class: "status-line", "data-testid": "frame-status", "aria-live": "polite" }, h("span", { class: "status-dot", "aria-hidden": "true" }), text);
  return {
    element,
    update: (status) => {
      const { text: words, tone } = describeStatus(status);
      text.textContent = words;
      element.dataset.tone = tone;
      element.title = words;
      owner.dataset.status = status.kind;
    },
  };
}
