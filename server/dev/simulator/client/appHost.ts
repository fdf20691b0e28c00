import type { Participant } from "./devIdentity.ts";
import { randomUuid } from "./dom.ts";
import {
  answerHostRequest,
  parseHostRequest,
  readTokenResponse,
  replyTo,
  tokenReplyArgs,
  type AppStatus,
  type DevTokenRequestBody,
  type FrameContext,
  type HostedFrame,
  type HostEffect,
  type HostEvent,
  type HostState,
} from "./hostProtocol.ts";
import type { Locale, Theme } from "./simulatorOptions.ts";

/** What a frame shows the person watching the simulator. */
export type FrameStatus = { kind: "empty" } | { kind: "loading" } | AppStatus;

/** One iframe that hosts the app, and who it is for. */
export interface FrameSlot {
  readonly iframe: HTMLIFrameElement;
  readonly frameContext: FrameContext;
  /** "Avery Chen's side panel": how logs and messages name the frame. */
  readonly label: string;
  participant: Participant;
  appSessionId: string;
  /** The address the frame was last pointed at, or null while it shows nothing. */
  url: string | null;
  onStatus(status: FrameStatus): void;
}

/** Where the meeting happens and how the page reaches the outside world. */
export interface AppHostOptions {
  tenantId: string;
  meetingId: string;
  chatId: string;
  locale: Locale;
  theme: Theme;
  state: HostState;
  onEffect(effect: HostEffect, slot: FrameSlot): void;
}

/**
 * Plays Teams for every app frame on the page: one `message` listener, frames told apart by
 * `event.source`, replies posted back to that window at the sender's origin.
 */
export class AppHost {
  readonly slots: FrameSlot[] = [];
  locale: Locale;
  theme: Theme;

  constructor(private readonly options: AppHostOptions) {
    this.locale = options.locale;
    this.theme = options.theme;
  }

  /** Starts answering; call before any frame gets an address, so no `initialize` goes unheard. */
  listen(): void {
    window.addEventListener("message", (event) => this.handleMessage(event));
  }

  add(slot: FrameSlot): FrameSlot {
    this.slots.push(slot);
    slot.onStatus({ kind: "empty" });
    return slot;
  }

  /** Points a frame at `url` as a fresh app launch (new session id, current theme and locale). */
  load(slot: FrameSlot, url: string): void {
    slot.url = url;
    slot.appSessionId = randomUuid();
    slot.onStatus({ kind: "loading" });
    // assigning src, even the same value, navigates the frame again
    slot.iframe.src = url;
  }

  /** Loads the frame's current address again, as Teams does when a person reopens the app. */
  reload(slot: FrameSlot): void {
    if (slot.url !== null) this.load(slot, slot.url);
  }

  unload(slot: FrameSlot): void {
    slot.url = null;
    slot.iframe.src = "about:blank";
    slot.onStatus({ kind: "empty" });
  }

  /** Sends a host event (such as `themeChange`) to every frame showing the app. */
  broadcast(event: HostEvent): void {
    for (const slot of this.slots) {
      if (slot.url !== null) slot.iframe.contentWindow?.postMessage(event, window.location.origin);
    }
  }

  send(slot: FrameSlot, event: HostEvent): void {
    slot.iframe.contentWindow?.postMessage(event, window.location.origin);
  }

  private describe(slot: FrameSlot): HostedFrame {
    return {
      frameContext: slot.frameContext,
      participant: slot.participant,
      tenantId: this.options.tenantId,
      meetingId: this.options.meetingId,
      chatId: this.options.chatId,
      locale: this.locale,
      theme: this.theme,
      appSessionId: slot.appSessionId,
    };
  }

  private handleMessage(event: MessageEvent): void {
    // the app is served from this origin; anything else is not a frame we host
    if (event.origin !== window.location.origin) return;
    const slot = this.slots.find((candidate) => candidate.iframe.contentWindow === event.source);
    if (!slot) return;
    const request = parseHostRequest(event.data);
    if (!request) return;
    const source = event.source as Window;
    const respond = (args: unknown[]): void => source.postMessage(replyTo(request, args), event.origin);

    let decision;
    try {
      decision = answerHostRequest(request, this.describe(slot), this.options.state, window.location.origin);
    } catch (error) {
      console.error(`[simulator] answering ${request.func} from ${slot.label} failed; replied []`, error);
      respond([]);
      return;
    }
    console.debug(`[simulator] ${slot.label}: ${request.func}`, request.args);

    if (decision.kind === "fetchToken") {
      void fetchDevToken(decision.body).then((outcome) => {
        if ("error" in outcome) console.warn(`[simulator] no token for ${slot.label}: ${outcome.error}`);
        respond(tokenReplyArgs(outcome));
      });
      return;
    }
    respond(decision.args);
    for (const effect of decision.effects) {
      if (effect.kind === "appStatus") slot.onStatus(effect.status);
      else if (effect.kind === "unanswered") {
        console.warn(`[simulator] ${slot.label} called ${effect.func}, which the simulator does not implement; it replied [].`, request.args);
      }
      this.options.onEffect(effect, slot);
    }
  }
}

/** Asks the dev identity provider for a token for this person; never throws. */
async function fetchDevToken(body: DevTokenRequestBody): Promise<{ token: string } | { error: string }> {
  try {
    const response = await fetch("/dev/idp/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const payload: unknown = await response.json().catch(() => null);
    return readTokenResponse(response.status, payload);
  } catch (error) {
    return { error: `The dev identity provider could not be reached: ${error instanceof Error ? error.message : String(error)}` };
  }
}
