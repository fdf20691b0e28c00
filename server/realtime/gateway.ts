import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { isFacilitator, isVisibleTo, projectStateFor } from "../../src/domain/index.ts";
import { Limits } from "../../src/protocol/limits.ts";
import {
  ClientMessageSchema,
  CloseCodes,
  WS_PATH,
  WS_SUBPROTOCOL,
  type CommandMessage,
  type Hello,
  type Viewer,
} from "../../src/protocol/messages.ts";
import type { RejectionCode } from "../../src/protocol/rejections.ts";
import { PROTOCOL_VERSION } from "../../src/protocol/version.ts";
import { summarizeIssues } from "../../src/protocol/zodErrors.ts";
import { TokenRejectedError, type Identity, type RoleResolver, type TokenVerifier } from "../auth/identity.ts";
import type { MeetingEventsMessage } from "../bus/bus.ts";
import type { Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import type { MeetingService, MeetingView } from "../meetings/meetingService.ts";
import { meetingKeyString } from "../meetings/meetingKey.ts";
import type { EventStore, MeetingKey } from "../store/eventStore.ts";
import { send, sendRaw, type Connection } from "./connection.ts";
import { FloorGrace, type Timers } from "./floorGrace.ts";
import { RateLimiter } from "./rateLimiter.ts";
import { tokenFromUpgrade } from "./upgradeAuth.ts";

/** A client that has not said `hello` by then is closed: sockets without a meeting only cost memory. */
export const HELLO_TIMEOUT_MS = 10_000;
/** A client this far behind on its send buffer is dropped and resyncs on reconnect instead of stalling the room. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface GatewayOptions {
  verifier: TokenVerifier;
  roleResolver: RoleResolver;
  meetings: MeetingService;
  store: EventStore;
  clock: Clock;
  /** Real time for token expiry, which a development fast clock must not speed up; defaults to `clock`. */
  tokenClock?: Clock;
  logger: Logger;
  heartbeatIntervalMs: number;
  /** How long a disconnected speaker keeps the floor, in server milliseconds; `Limits.floorGraceSeconds` by default. */
  floorGraceMs?: number;
  /** Scheduling for the grace period; real timers by default. */
  timers?: Timers;
}

/**
 * The WebSocket gateway: authenticates sockets, keeps rooms per meeting, turns messages into
 * MeetingService calls and fans events out, projected per recipient. It holds no meeting rules.
 */
export class RealtimeGateway {
  private readonly server = new WebSocketServer({
    noServer: true,
    maxPayload: Limits.maxMessageBytes,
    // echo only our protocol, never the bearer entry
    handleProtocols: (protocols) => (protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
  });
  private readonly rooms = new Map<string, Set<Connection>>();
  private readonly connections = new Set<Connection>();
  private readonly limiter: RateLimiter;
  private readonly grace: FloorGrace;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly options: GatewayOptions) {
    this.limiter = new RateLimiter(Limits.commandsPerSecond, Limits.commandBurst, () => this.tokenNow());
    this.grace = new FloorGrace({
      clock: options.clock,
      ...(options.floorGraceMs !== undefined ? { graceMs: options.floorGraceMs } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
      floorOf: async (key) => (await options.meetings.view(key)).state.floor,
      passOn: async (key, userId, since) => {
        await options.meetings.executeSystem(key, { type: "floor.releaseDisconnected", userId, since });
      },
      logger: options.logger,
    });
  }

  /** Takes over WebSocket upgrades on `WS_PATH` and starts heartbeats. */
  attach(httpServer: Server): void {
    httpServer.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.handleUpgrade(request, socket, head);
    });
    this.heartbeat = setInterval(() => this.beat(), this.options.heartbeatIntervalMs);
    this.heartbeat.unref();
  }

  /** Sends newly durable events to every socket in the meeting's room that may see them. */
  fanOut(message: MeetingEventsMessage): void {
    const room = this.rooms.get(meetingKeyString(message.key));
    if (!room || room.size === 0) return;
    const view = this.options.meetings.peek(message.key);
    const state = view?.state;
    for (const sequenced of message.events) {
      const { audience } = sequenced.event;
      // encode once for the common case: the same bytes go to the whole room
      const shared = Buffer.from(JSON.stringify({ type: "event", ...sequenced }));
      for (const connection of room) {
        if (audience.kind !== "everyone") {
          // without state we cannot prove the recipient may see it, so they don't
          if (!state || !isVisibleTo(audience, state, connection.identity.userId)) continue;
        }
        if (connection.pending) connection.pending.push({ seq: sequenced.seq, data: shared });
        else if (sequenced.seq > connection.welcomedSeq) sendRaw(connection, shared, MAX_BUFFERED_BYTES);
      }
    }
    if (!view) return;
    if (message.events.some(({ event }) => event.type === "floor.granted")) this.grace.floorChanged(message.key, view.state.floor);
    for (const connection of room) if (!connection.pending) this.resendIfRoleChanged(connection, view);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Closes every socket with a code that tells clients to reconnect elsewhere. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.grace.close();
    for (const connection of this.connections) connection.socket.close(CloseCodes.serverShutdown, "server shutting down");
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", () => socket.destroy());
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname !== WS_PATH) return refuseUpgrade(socket, 404, "Not Found");
    const offered = tokenFromUpgrade(request);
    if ("problem" in offered) return refuseUpgrade(socket, 401, "Unauthorized", offered.problem);
    let identity: Identity;
    try {
      identity = await this.options.verifier.verify(offered.token);
    } catch (error) {
      const reason = error instanceof TokenRejectedError ? error.reason : "verification failed";
      this.options.logger.info("websocket refused", { reason });
      return refuseUpgrade(socket, 401, "Unauthorized", reason);
    }
    this.server.handleUpgrade(request, socket, head, (webSocket) => this.accept(webSocket, identity));
  }

  private accept(socket: WebSocket, identity: Identity): void {
    const connection: Connection = { socket, identity, isAlive: true, pending: null, welcomedSeq: 0 };
    this.connections.add(connection);
    const helloTimer = setTimeout(() => {
      if (!connection.meeting) socket.close(CloseCodes.unsupportedProtocol, "hello expected");
    }, HELLO_TIMEOUT_MS);
    socket.on("pong", () => (connection.isAlive = true));
    socket.on("message", (data, isBinary) => void this.handleMessage(connection, data, isBinary));
    socket.on("error", (error) => this.options.logger.debug("socket error", { error: error.message }));
    socket.on("close", () => {
      clearTimeout(helloTimer);
      this.connections.delete(connection);
      if (connection.meeting) this.leaveRoom(connection, connection.meeting.key);
    });
  }

  private async handleMessage(connection: Connection, data: RawData, isBinary: boolean): Promise<void> {
    const text = isBinary ? null : rawToString(data);
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      return this.reject(connection, null, "invalidMessage", "message is not valid JSON");
    }
    const parsed = ClientMessageSchema.safeParse(json);
    if (!parsed.success) {
      return this.reject(connection, commandIdOf(json), "invalidMessage", summarizeIssues(parsed.error));
    }
    const message = parsed.data;
    try {
      if (message.type === "hello") await this.handleHello(connection, message);
      else await this.handleCommand(connection, message);
    } catch (error) {
      this.options.logger.error("message failed", { error: error instanceof Error ? error.stack : String(error) });
      this.reject(connection, message.type === "command" ? message.commandId : null, "internal", "The server could not process that; please retry.");
    }
  }

  private async handleHello(connection: Connection, hello: Hello): Promise<void> {
    if (connection.meeting) return this.reject(connection, null, "invalidMessage", "hello was already received on this connection");
    if (hello.protocolVersion !== PROTOCOL_VERSION) {
      return connection.socket.close(CloseCodes.unsupportedProtocol, `protocol ${PROTOCOL_VERSION} required; reload Concord`);
    }
    const { tenantId, userId } = connection.identity;
    const key: MeetingKey = { tenantId, meetingId: hello.meetingId };
    const role = await this.options.roleResolver.resolve({ tenantId, meetingId: hello.meetingId, userId });
    if (role === null) return connection.socket.close(CloseCodes.forbidden, "not a participant of this meeting");
    if (connection.socket.readyState !== connection.socket.OPEN) return;

    connection.meeting = { key, role };
    connection.pending = [];
    this.joinRoom(connection, key);
    const viewer: Viewer = { userId, displayName: connection.identity.displayName, meetingRole: role };
    const view = await this.options.meetings.view(key);
    const serverTime = this.options.clock.now();
    const clockRate = this.options.clock.rate ?? 1;
    const canReplay = hello.lastSeq > 0 && hello.lastSeq <= view.seq && view.seq - hello.lastSeq <= Limits.maxCatchUpEvents;
    if (canReplay) {
      const missed = await this.options.store.readSince(key, hello.lastSeq);
      const visible = missed.filter(({ event }) => isVisibleTo(event.audience, view.state, userId));
      const seq = Math.max(view.seq, missed.at(-1)?.seq ?? 0);
      send(connection, { type: "welcome", mode: "events", viewer, seq, serverTime, clockRate, events: visible }, MAX_BUFFERED_BYTES);
      connection.welcomedSeq = seq;
    } else {
      this.sendSnapshot(connection, view);
    }
    connection.isFacilitator = isFacilitator(view.state, userId);
    const buffered = connection.pending;
    connection.pending = null;
    for (const { seq, data } of buffered) {
      if (seq > connection.welcomedSeq) sendRaw(connection, data, MAX_BUFFERED_BYTES);
    }
    // the buffered events may have made this person a facilitator, or stopped them being one
    const latest = this.options.meetings.peek(key);
    if (latest) this.resendIfRoleChanged(connection, latest);
  }

  /** A fresh welcome with the meeting as this connection's person may see it now. */
  private sendSnapshot(connection: Connection, view: MeetingView): void {
    const { userId, displayName } = connection.identity;
    const viewer: Viewer = { userId, displayName, meetingRole: connection.meeting?.role ?? "attendee" };
    const state = projectStateFor(view.state, userId);
    const { clock } = this.options;
    send(connection, { type: "welcome", mode: "snapshot", viewer, seq: view.seq, serverTime: clock.now(), clockRate: clock.rate ?? 1, state }, MAX_BUFFERED_BYTES);
    connection.welcomedSeq = view.seq;
  }

  /**
   * Someone who becomes a facilitator mid-meeting never received the facilitator-only events sent
   * before (dominance alerts), and someone who stops being one still holds them: either way the
   * connection gets a fresh snapshot projected for what they may see now.
   */
  private resendIfRoleChanged(connection: Connection, view: MeetingView): void {
    const isNowFacilitator = isFacilitator(view.state, connection.identity.userId);
    if (connection.isFacilitator === undefined || connection.isFacilitator === isNowFacilitator) return;
    // never send a snapshot older than what the connection already has: it would roll the client back
    if (view.seq < connection.welcomedSeq) return;
    connection.isFacilitator = isNowFacilitator;
    this.sendSnapshot(connection, view);
  }

  private async handleCommand(connection: Connection, message: CommandMessage): Promise<void> {
    const { identity } = connection;
    if (!connection.meeting) return this.reject(connection, message.commandId, "invalidMessage", "send hello before commands");
    if (identity.expiresAt <= this.tokenNow()) {
      return connection.socket.close(CloseCodes.tokenExpired, "token expired; reconnect with a fresh one");
    }
    if (!this.limiter.tryTake(`${identity.tenantId} ${identity.userId}`)) {
      return this.reject(connection, message.commandId, "rateLimited", `More than ${Limits.commandsPerSecond} actions a second; slow down.`);
    }
    const { key } = connection.meeting;
    if (message.command.type === "meeting.join") {
      // roles change during a meeting (promoted to presenter): ask again rather than trust the hello's answer
      const role = await this.options.roleResolver.resolve({ tenantId: key.tenantId, meetingId: key.meetingId, userId: identity.userId });
      if (role === null) return connection.socket.close(CloseCodes.forbidden, "not a participant of this meeting");
      connection.meeting.role = role;
    }
    const actor = { userId: identity.userId, displayName: identity.displayName, meetingRole: connection.meeting.role };
    const result = await this.options.meetings.execute(key, actor, message.commandId, message.command);
    if (result.kind === "rejected") return this.reject(connection, message.commandId, result.rejection.code, result.rejection.message);
    send(connection, { type: "ack", commandId: message.commandId, seq: result.seq }, MAX_BUFFERED_BYTES);
  }

  private reject(connection: Connection, commandId: string | null, code: RejectionCode, message: string): void {
    send(connection, { type: "reject", commandId, code, message }, MAX_BUFFERED_BYTES);
  }

  private joinRoom(connection: Connection, key: MeetingKey): void {
    const id = meetingKeyString(key);
    const room = this.rooms.get(id) ?? new Set<Connection>();
    room.add(connection);
    this.rooms.set(id, room);
    this.grace.connected(key, connection.identity.userId);
  }

  private leaveRoom(connection: Connection, key: MeetingKey): void {
    const id = meetingKeyString(key);
    const room = this.rooms.get(id);
    room?.delete(connection);
    if (room?.size === 0) this.rooms.delete(id);
    this.grace.disconnected(key, connection.identity.userId);
  }

  /** Real time: token expiry and rate limits follow the wall clock even when meeting time runs fast. */
  private tokenNow(): number {
    return (this.options.tokenClock ?? this.options.clock).now();
  }

  private beat(): void {
    const now = this.tokenNow();
    for (const connection of this.connections) {
      if (!connection.isAlive || connection.identity.expiresAt <= now) {
        if (connection.isAlive) connection.socket.close(CloseCodes.tokenExpired, "token expired; reconnect with a fresh one");
        else connection.socket.terminate();
        continue;
      }
      connection.isAlive = false;
      connection.socket.ping();
    }
  }
}

function refuseUpgrade(socket: Duplex, status: number, statusText: string, reason?: string): void {
  const body = reason ? JSON.stringify({ error: { code: "unauthorized", message: reason } }) : "";
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data as ArrayBuffer).toString("utf8");
}

function commandIdOf(json: unknown): string | null {
  if (typeof json !== "object" || json === null) return null;
  const id = (json as { commandId?: unknown }).commandId;
  return typeof id === "string" && id.length <= Limits.maxIdLength ? id : null;
}
