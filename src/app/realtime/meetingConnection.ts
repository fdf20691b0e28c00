import type { Command } from "../../protocol/commands.ts";
import type { RejectionCode } from "../../protocol/rejections.ts";
import type { ClientMessage, CommandMessage, ServerMessage, Viewer, Welcome } from "../../protocol/messages.ts";
import { CloseCodes, WS_BEARER_PREFIX, WS_SUBPROTOCOL } from "../../protocol/socket.ts";
import { isKnownServerMessage } from "../../protocol/serverMessageGuard.ts";
import { PROTOCOL_VERSION } from "../../protocol/version.ts";
import { applyEvent } from "../../domain/meeting/apply.ts";
import { emptyMeeting, type MeetingState } from "../../domain/meeting/state.ts";
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff.ts";
import { newCommandId } from "./commandId.ts";
import { clockAtWelcome, LOCAL_CLOCK, type ServerClock } from "./serverClock.ts";

/**
 * `connecting`: no welcome yet. `open`: welcomed, live. `reconnecting`: lost a live connection (or
 * a token) and retrying. `forbidden`: the server says this user is not a participant; no retry.
 * `unsupported`: this tab speaks a protocol the server no longer accepts; a reload is needed.
 * `stopped`: closed by {@link MeetingConnection.stop}.
 */
export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "forbidden" | "unsupported" | "stopped";

/** The last thing that went wrong with the connection itself (not with a command). */
export type ConnectionProblem =
  | { kind: "token"; message: string }
  | { kind: "closed"; code: number; reason: string }
  | { kind: "rejected"; code: RejectionCode; message: string };

/** Everything a surface renders, immutable: a new object whenever anything changes. */
export interface MeetingSnapshot {
  readonly status: ConnectionStatus;
  readonly meetingId: string;
  /** Null until the first welcome: there is nothing truthful to show before it. */
  readonly state: MeetingState | null;
  /** Who the server says this user is, with their meeting role. */
  readonly viewer: Viewer | null;
  /** Last sequence number folded. */
  readonly seq: number;
  /**
   * Server clock minus local clock at the last welcome. Adding it to `Date.now()` reads server time
   * only while the server's clock runs at real speed; timers should use {@link serverClock}.
   */
  readonly serverOffsetMs: number;
  /** How to read the server's "now", also under the development fast clock (see `serverNow`). */
  readonly serverClock: ServerClock;
  readonly problem: ConnectionProblem | null;
}

/** A command the server refused, with its typed code and the server's English message. */
export class CommandRejectedError extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = "CommandRejectedError";
  }
}

/** A command that could not be delivered because the connection ended for good. */
export class ConnectionEndedError extends Error {
  constructor(readonly status: ConnectionStatus) {
    super(`The meeting connection is ${status}.`);
    this.name = "ConnectionEndedError";
  }
}

/** The slice of the browser WebSocket this client uses, so tests can hand it a fake. */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** A constructor with the browser WebSocket's shape. */
export type WebSocketConstructor = new (url: string, protocols: string[]) => WebSocketLike;

/** Timers, injectable so tests drive reconnects without waiting. */
export interface Timers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

/** Options for {@link createMeetingConnection}. Only `url`, `meetingId` and `getToken` are needed in a browser. */
export interface MeetingConnectionOptions {
  /** Absolute `ws:`/`wss:` URL of the gateway. */
  url: string;
  meetingId: string;
  /** Called before every connection attempt: a reconnect must never reuse a token that may have expired. */
  getToken: () => Promise<string>;
  WebSocket?: WebSocketConstructor;
  timers?: Timers;
  now?: () => number;
  random?: () => number;
  newCommandId?: () => string;
  backoff?: BackoffPolicy;
  /**
   * How long an acked command may wait for its events before its promise resolves anyway. Events
   * for another audience never reach this client, so an ack's seq is not always reached.
   */
  ackSettleMs?: number;
  /** How long to wait for `getToken` before treating the attempt as failed and backing off. */
  tokenTimeoutMs?: number;
}

/** A live, self-healing connection to one meeting. */
export interface MeetingConnection {
  /** Opens the connection; calling it again is harmless. */
  start(): void;
  /** Closes for good: no reconnect; pending commands fail with {@link ConnectionEndedError}. */
  stop(): void;
  /**
   * Sends a command. Resolves once the server acknowledged it (its events are durable) and its events
   * are folded here; rejects with {@link CommandRejectedError} when refused. Survives reconnects:
   * pending commands are resent with the same id, which the server de-duplicates.
   */
  send(command: Command): Promise<void>;
  /** For `useSyncExternalStore`. */
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => MeetingSnapshot;
}

const DEFAULT_ACK_SETTLE_MS = 1_000;
const DEFAULT_TOKEN_TIMEOUT_MS = 15_000;
const NORMAL_CLOSURE = 1000;

interface PendingCommand {
  message: CommandMessage;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface SettlingAck {
  seq: number;
  resolve: () => void;
  timer: unknown;
}

const browserTimers: Timers = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Creates a connection (not yet started) to one meeting's realtime gateway. */
export function createMeetingConnection(options: MeetingConnectionOptions): MeetingConnection {
  const SocketClass = options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor);
  const timers = options.timers ?? browserTimers;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const makeCommandId = options.newCommandId ?? newCommandId;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const ackSettleMs = options.ackSettleMs ?? DEFAULT_ACK_SETTLE_MS;
  const tokenTimeoutMs = options.tokenTimeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS;

  let snapshot: MeetingSnapshot = {
    status: "connecting",
    meetingId: options.meetingId,
    state: null,
    viewer: null,
    seq: 0,
    serverOffsetMs: 0,
    serverClock: LOCAL_CLOCK,
    problem: null,
  };
  const listeners = new Set<() => void>();
  const pending = new Map<string, PendingCommand>();
  const settling: SettlingAck[] = [];
  let socket: WebSocketLike | null = null;
  let isWelcomed = false;
  let hasStarted = false;
  let hasEnded = false;
  let attempt = 0;
  let reconnectTimer: unknown = null;

  function update(changes: Partial<MeetingSnapshot>): void {
    snapshot = { ...snapshot, ...changes };
    for (const listener of listeners) listener();
  }

  async function connect(): Promise<void> {
    reconnectTimer = null;
    let token: string;
    try {
      token = await tokenWithDeadline();
    } catch (error) {
      if (hasEnded) return;
      update({ problem: { kind: "token", message: error instanceof Error ? error.message : String(error) } });
      scheduleReconnect();
      return;
    }
    if (hasEnded) return;
    let ws: WebSocketLike;
    try {
      ws = new SocketClass(options.url, [WS_SUBPROTOCOL, `${WS_BEARER_PREFIX}${token}`]);
    } catch (error) {
      // the constructor throws on a malformed URL or a token that is not a valid subprotocol
      update({ problem: { kind: "token", message: error instanceof Error ? error.message : String(error) } });
      scheduleReconnect();
      return;
    }
    socket = ws;
    isWelcomed = false;
    ws.onopen = () => {
      if (socket === ws) transmit(ws, { type: "hello", protocolVersion: PROTOCOL_VERSION, meetingId: options.meetingId, lastSeq: snapshot.seq });
    };
    ws.onmessage = (event) => {
      if (socket === ws) handleMessage(ws, event.data);
    };
    ws.onclose = (event) => {
      if (socket === ws) handleClose(event.code, event.reason);
    };
    // a close event always follows an error event; the close carries what we act on
    ws.onerror = () => undefined;
  }

  /** A host that never answers would otherwise stall reconnecting forever. */
  function tokenWithDeadline(): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = timers.set(() => reject(new Error(`no token within ${tokenTimeoutMs} ms`)), tokenTimeoutMs);
      options.getToken().then(
        (token) => {
          timers.clear(timer);
          resolve(token);
        },
        (error: unknown) => {
          timers.clear(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  function transmit(ws: WebSocketLike, message: ClientMessage): void {
    ws.send(JSON.stringify(message));
  }

  function handleMessage(ws: WebSocketLike, data: unknown): void {
    const message = parseServerMessage(data);
    if (!message) return;
    switch (message.type) {
      case "welcome":
        handleWelcome(ws, message);
        return;
      case "event":
        if (!isWelcomed || message.seq <= snapshot.seq) return;
        update({ state: applyEvent(snapshot.state ?? emptyMeeting(options.meetingId), message.event), seq: message.seq });
        settleAcks();
        return;
      case "ack":
        handleAck(message.commandId, message.seq);
        return;
      case "reject":
        handleReject(message.commandId, message.code, message.message);
        return;
    }
  }

  function handleWelcome(ws: WebSocketLike, welcome: Welcome): void {
    let { state, seq } = snapshot;
    if (welcome.mode === "snapshot") {
      state = welcome.state;
      seq = welcome.seq;
    } else {
      state = state ?? emptyMeeting(options.meetingId);
      for (const sequenced of welcome.events) {
        if (sequenced.seq <= seq) continue;
        state = applyEvent(state, sequenced.event);
        seq = sequenced.seq;
      }
      // the events for other audiences were skipped, but the client has still seen up to here
      seq = Math.max(seq, welcome.seq);
    }
    isWelcomed = true;
    attempt = 0;
    const localNow = now();
    update({
      status: "open",
      state,
      seq,
      viewer: welcome.viewer,
      serverOffsetMs: welcome.serverTime - localNow,
      serverClock: clockAtWelcome(welcome, localNow),
      problem: null,
    });
    for (const command of pending.values()) transmit(ws, command.message);
    settleAcks();
  }

  function handleAck(commandId: string, seq: number): void {
    const command = pending.get(commandId);
    if (!command) return;
    pending.delete(commandId);
    if (seq <= snapshot.seq) {
      command.resolve();
      return;
    }
    const entry: SettlingAck = { seq, resolve: command.resolve, timer: null };
    entry.timer = timers.set(() => {
      removeSettling(entry);
      entry.resolve();
    }, ackSettleMs);
    settling.push(entry);
  }

  function settleAcks(): void {
    for (const entry of [...settling]) {
      if (entry.seq > snapshot.seq) continue;
      timers.clear(entry.timer);
      removeSettling(entry);
      entry.resolve();
    }
  }

  function removeSettling(entry: SettlingAck): void {
    const index = settling.indexOf(entry);
    if (index !== -1) settling.splice(index, 1);
  }

  function handleReject(commandId: string | null, code: RejectionCode, message: string): void {
    const command = commandId === null ? undefined : pending.get(commandId);
    if (command && commandId !== null) {
      pending.delete(commandId);
      command.reject(new CommandRejectedError(code, message));
      return;
    }
    if (commandId === null) update({ problem: { kind: "rejected", code, message } });
  }

  function handleClose(code: number, reason: string): void {
    socket = null;
    isWelcomed = false;
    if (hasEnded) return;
    if (code === CloseCodes.forbidden) {
      end("forbidden", { kind: "closed", code, reason });
      return;
    }
    if (code === CloseCodes.unsupportedProtocol) {
      end("unsupported", { kind: "closed", code, reason });
      return;
    }
    // 4401 and 4440 need nothing special: every attempt fetches a fresh token anyway
    update({ status: snapshot.state ? "reconnecting" : "connecting", problem: { kind: "closed", code, reason } });
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (hasEnded || reconnectTimer !== null) return;
    const delay = backoffDelay(attempt, backoff, random);
    attempt += 1;
    reconnectTimer = timers.set(() => void connect(), delay);
  }

  function end(status: ConnectionStatus, problem: ConnectionProblem | null): void {
    hasEnded = true;
    if (reconnectTimer !== null) timers.clear(reconnectTimer);
    reconnectTimer = null;
    const ws = socket;
    socket = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      ws.close(NORMAL_CLOSURE, "client stopped");
    }
    for (const entry of settling.splice(0)) {
      timers.clear(entry.timer);
      entry.resolve();
    }
    const failed = [...pending.values()];
    pending.clear();
    update({ status, problem });
    for (const command of failed) {
      command.reject(status === "forbidden" ? new CommandRejectedError("forbidden", "You are not a participant in this meeting.") : new ConnectionEndedError(status));
    }
  }

  return {
    start() {
      if (hasStarted || hasEnded) return;
      hasStarted = true;
      void connect();
    },
    stop() {
      if (!hasEnded) end("stopped", snapshot.problem);
    },
    send(command) {
      if (hasEnded) return Promise.reject(new ConnectionEndedError(snapshot.status));
      return new Promise<void>((resolve, reject) => {
        const message: CommandMessage = { type: "command", commandId: makeCommandId(), command };
        pending.set(message.commandId, { message, resolve, reject });
        // before the welcome the command waits; the welcome sends every pending command
        if (socket && isWelcomed) transmit(socket, message);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  };
}

function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== "string") return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isKnownServerMessage(json)) {
    // a newer server may add messages; dropping one beats folding something we do not understand
    console.warn("Concord: ignored a server message this version does not understand");
    return null;
  }
  return json;
}
