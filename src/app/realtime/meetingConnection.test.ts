import { describe, expect, it, vi } from "vitest";
import type { DomainEvent } from "../../protocol/events.ts";
import type { ClientMessage, ServerMessage, Viewer } from "../../protocol/messages.ts";
import { CloseCodes } from "../../protocol/messages.ts";
import { PROTOCOL_VERSION } from "../../protocol/version.ts";
import { emptyMeeting, replay, orderedQueue } from "../../domain/index.ts";
import {
  CommandRejectedError,
  createMeetingConnection,
  type MeetingConnection,
  type Timers,
  type WebSocketLike,
} from "./meetingConnection.ts";

const MEETING = "meeting-1";
const viewer: Viewer = { userId: "ada", displayName: "Ada", meetingRole: "organizer" };
const everyone = { kind: "everyone" } as const;

const joined = (userId: string, at = 1_000): DomainEvent => ({
  type: "meeting.participantJoined",
  at,
  audience: everyone,
  payload: { userId, displayName: userId.toUpperCase(), meetingRole: "attendee" },
});
const raised = (entryId: string, userId: string, at = 2_000): DomainEvent => ({
  type: "queue.handRaised",
  at,
  audience: everyone,
  payload: { entryId, userId },
});

class FakeSocket implements WebSocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: ClientMessage[] = [];
  closedWith: number | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    sockets.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close(code?: number): void {
    this.closedWith = code ?? 1000;
  }
  open(): void {
    this.onopen?.({});
  }
  receive(message: ServerMessage | Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code: number, reason = ""): void {
    this.onclose?.({ code, reason });
  }
  commands() {
    return this.sent.flatMap((message) => (message.type === "command" ? [message] : []));
  }
}

let sockets: FakeSocket[] = [];

/** Timers that only fire when the test says so. */
class ManualTimers implements Timers {
  private pending = new Map<number, { callback: () => void; delayMs: number }>();
  private nextId = 1;
  set(callback: () => void, delayMs: number): number {
    const id = this.nextId++;
    this.pending.set(id, { callback, delayMs });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  get count(): number {
    return this.pending.size;
  }
  delays(): number[] {
    return [...this.pending.values()].map((timer) => timer.delayMs);
  }
  runAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}

/** Lets the connection's awaited getToken() settle. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function setup(overrides: { getToken?: () => Promise<string> } = {}) {
  sockets = [];
  const timers = new ManualTimers();
  let tokenNumber = 0;
  let commandNumber = 0;
  const connection = createMeetingConnection({
    url: "ws://concord.test/ws",
    meetingId: MEETING,
    getToken: overrides.getToken ?? (() => Promise.resolve(`token-${++tokenNumber}`)),
    WebSocket: FakeSocket,
    timers,
    now: () => 10_000,
    random: () => 0.5,
    newCommandId: () => `command-${++commandNumber}`,
  });
  connection.start();
  await settle();
  return { connection, timers };
}

function latestSocket(): FakeSocket {
  const socket = sockets.at(-1);
  if (!socket) throw new Error("no socket was opened");
  return socket;
}

function welcomeWithSnapshot(events: DomainEvent[], seq: number, serverTime = 12_500): ServerMessage {
  return { type: "welcome", mode: "snapshot", viewer, seq, serverTime, state: replay(emptyMeeting(MEETING), events) };
}

async function openWith(connection: MeetingConnection, events: DomainEvent[] = [joined("ada")], seq = events.length) {
  const socket = latestSocket();
  socket.open();
  socket.receive(welcomeWithSnapshot(events, seq));
  await settle();
  expect(connection.getSnapshot().status).toBe("open");
  return socket;
}

describe("meetingConnection", () => {
  it("offers the Concord subprotocol with a bearer token and says hello from seq 0", async () => {
    await setup();
    const socket = latestSocket();
    expect(socket.url).toBe("ws://concord.test/ws");
    expect(socket.protocols).toEqual(["concord.v1", "bearer.token-1"]);
    socket.open();
    expect(socket.sent).toEqual([{ type: "hello", protocolVersion: PROTOCOL_VERSION, meetingId: MEETING, lastSeq: 0 }]);
  });

  it("folds a snapshot, then the events after it, and reads the server clock offset", async () => {
    const { connection } = await setup();
    const socket = await openWith(connection, [joined("ada"), joined("bob")], 2);
    socket.receive({ type: "event", seq: 3, event: raised("h1", "bob") });
    socket.receive({ type: "event", seq: 4, event: raised("h2", "ada") });

    const snapshot = connection.getSnapshot();
    expect(snapshot.seq).toBe(4);
    expect(snapshot.viewer).toEqual(viewer);
    expect(snapshot.serverOffsetMs).toBe(2_500);
    expect(snapshot.state).toEqual(
      replay(emptyMeeting(MEETING), [joined("ada"), joined("bob"), raised("h1", "bob"), raised("h2", "ada")]),
    );
    expect(orderedQueue(snapshot.state!).map((entry) => entry.userId)).toEqual(["bob", "ada"]);
  });

  it("keeps the welcome's clock rate so server time runs fast under the development clock, and at real speed without one", async () => {
    const { connection } = await setup();
    const socket = latestSocket();
    socket.open();
    socket.receive({ ...welcomeWithSnapshot([joined("ada")], 1), clockRate: 60 });
    await settle();
    expect(connection.getSnapshot().serverClock).toEqual({ serverTime: 12_500, localTime: 10_000, rate: 60 });

    const { connection: plain } = await setup();
    await openWith(plain);
    expect(plain.getSnapshot().serverClock).toEqual({ serverTime: 12_500, localTime: 10_000, rate: 1 });
  });

  it("ignores events at or below the last folded seq, and folds across gaps left by other audiences", async () => {
    const { connection } = await setup();
    const socket = await openWith(connection, [joined("ada"), joined("bob")], 2);
    socket.receive({ type: "event", seq: 5, event: raised("h1", "bob") });
    const afterFirst = connection.getSnapshot();

    socket.receive({ type: "event", seq: 5, event: raised("h1", "bob") });
    socket.receive({ type: "event", seq: 4, event: raised("h9", "ada") });

    expect(connection.getSnapshot()).toBe(afterFirst);
    expect(Object.keys(afterFirst.state!.queue)).toEqual(["h1"]);
  });

  it("reconnects with a fresh token, sends its lastSeq and resends pending commands with the same id", async () => {
    const { connection, timers } = await setup();
    const first = await openWith(connection, [joined("ada")], 1);
    first.receive({ type: "event", seq: 2, event: joined("bob") });
    first.receive({ type: "event", seq: 3, event: raised("h1", "bob") });

    const raising = connection.send({ type: "queue.raiseHand", payload: { topic: "budget" } });
    expect(first.commands()).toEqual([{ type: "command", commandId: "command-1", command: { type: "queue.raiseHand", payload: { topic: "budget" } } }]);

    first.drop(1006, "network lost");
    expect(connection.getSnapshot().status).toBe("reconnecting");
    expect(timers.count).toBe(1);
    timers.runAll();
    await settle();

    const second = latestSocket();
    expect(second).not.toBe(first);
    expect(second.protocols).toEqual(["concord.v1", "bearer.token-2"]);
    second.open();
    expect(second.sent).toEqual([{ type: "hello", protocolVersion: PROTOCOL_VERSION, meetingId: MEETING, lastSeq: 3 }]);
    expect(second.commands()).toEqual([]);

    second.receive({
      type: "welcome",
      mode: "events",
      viewer,
      seq: 5,
      serverTime: 10_000,
      events: [
        { seq: 3, event: raised("h1", "bob") },
        { seq: 4, event: joined("cy") },
      ],
    });
    expect(second.commands().map((message) => message.commandId)).toEqual(["command-1"]);
    const snapshot = connection.getSnapshot();
    expect(snapshot.status).toBe("open");
    expect(snapshot.seq).toBe(5);
    expect(Object.keys(snapshot.state!.participants)).toEqual(["ada", "bob", "cy"]);
    // h1 was already folded before the drop: folding it again would count a second arrival
    expect(snapshot.state!.nextArrival).toBe(1);

    second.receive({ type: "event", seq: 6, event: raised("h2", "ada") });
    second.receive({ type: "ack", commandId: "command-1", seq: 6 });
    await expect(raising).resolves.toBeUndefined();
  });

  it("resolves and rejects the promise of the command each answer names", async () => {
    const { connection } = await setup();
    const socket = await openWith(connection);
    const outcomes: string[] = [];
    const raising = connection.send({ type: "queue.raiseHand", payload: {} }).then(
      () => outcomes.push("raise acked"),
      () => outcomes.push("raise rejected"),
    );
    const granting = connection.send({ type: "floor.grantNext", payload: {} }).catch((error: unknown) => {
      expect(error).toBeInstanceOf(CommandRejectedError);
      expect((error as CommandRejectedError).code).toBe("queueEmpty");
      outcomes.push("grant rejected");
    });

    socket.receive({ type: "reject", commandId: "command-2", code: "queueEmpty", message: "Nobody is waiting to speak." });
    socket.receive({ type: "event", seq: 2, event: raised("h1", "ada") });
    socket.receive({ type: "ack", commandId: "command-1", seq: 2 });
    await Promise.all([raising, granting]);

    expect(outcomes).toEqual(["grant rejected", "raise acked"]);
  });

  it("holds an ack until its events are folded, so the UI never shows the old state as done", async () => {
    const { connection, timers } = await setup();
    const socket = await openWith(connection);
    let isDone = false;
    const raising = connection.send({ type: "queue.raiseHand", payload: {} }).then(() => (isDone = true));

    socket.receive({ type: "ack", commandId: "command-1", seq: 2 });
    await settle();
    expect(isDone).toBe(false);

    socket.receive({ type: "event", seq: 2, event: raised("h1", "ada") });
    await raising;
    expect(isDone).toBe(true);
    expect(timers.count).toBe(0);
  });

  it("resolves an ack whose events this viewer will never see once the settle timer fires", async () => {
    const { connection, timers } = await setup();
    const socket = await openWith(connection);
    const raising = connection.send({ type: "queue.raiseHand", payload: {} });
    socket.receive({ type: "ack", commandId: "command-1", seq: 7 });
    timers.runAll();
    await expect(raising).resolves.toBeUndefined();
  });

  it("asks for a fresh token and reconnects when the server says the token expired", async () => {
    const { connection, timers } = await setup();
    const socket = await openWith(connection);
    socket.drop(CloseCodes.tokenExpired, "token expired");
    timers.runAll();
    await settle();
    expect(latestSocket()).not.toBe(socket);
    expect(latestSocket().protocols[1]).toBe("bearer.token-2");
  });

  it("stops for good on 4403 and fails the pending commands as forbidden", async () => {
    const { connection, timers } = await setup();
    const socket = latestSocket();
    socket.open();
    const joining = connection.send({ type: "meeting.join", payload: {} });
    socket.drop(CloseCodes.forbidden, "not a participant");

    await expect(joining).rejects.toMatchObject({ code: "forbidden" });
    expect(connection.getSnapshot().status).toBe("forbidden");
    expect(timers.count).toBe(0);
    timers.runAll();
    await settle();
    expect(sockets).toHaveLength(1);
    await expect(connection.send({ type: "meeting.join", payload: {} })).rejects.toThrow(/forbidden/);
  });

  it("backs off exponentially, with jitter, while the server stays away", async () => {
    const { connection, timers } = await setup();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      latestSocket().drop(1006);
      delays.push(...timers.delays());
      timers.runAll();
      await settle();
    }
    // random() is 0.5, so each delay is three quarters of 500 ms × 2^attempt
    expect(delays).toEqual([375, 750, 1500, 3000]);
    expect(connection.getSnapshot().status).toBe("connecting");
  });

  it("retries with backoff when Teams cannot give a token, and says why", async () => {
    let calls = 0;
    const { connection, timers } = await setup({
      getToken: () => (++calls === 1 ? Promise.reject(new Error("consent required")) : Promise.resolve("token-ok")),
    });
    expect(sockets).toHaveLength(0);
    expect(connection.getSnapshot().problem).toEqual({ kind: "token", message: "consent required" });
    timers.runAll();
    await settle();
    expect(latestSocket().protocols[1]).toBe("bearer.token-ok");
  });

  it("gives up on a token request the host never answers, and tries again", async () => {
    let calls = 0;
    const { connection, timers } = await setup({
      getToken: () => (++calls === 1 ? new Promise<string>(() => undefined) : Promise.resolve("token-late")),
    });
    expect(timers.delays()).toEqual([15_000]);
    timers.runAll();
    await settle();
    expect(connection.getSnapshot().problem).toMatchObject({ kind: "token" });
    expect(timers.count).toBe(1);
    timers.runAll();
    await settle();
    expect(latestSocket().protocols[1]).toBe("bearer.token-late");
  });

  it("ignores messages that do not match the protocol", async () => {
    const { connection } = await setup();
    const socket = await openWith(connection);
    const before = connection.getSnapshot();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    socket.receive({ type: "event", seq: 9, event: { type: "meeting.exploded" } });
    socket.onmessage?.({ data: "not json" });
    expect(connection.getSnapshot()).toBe(before);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("notifies subscribers on change and keeps the snapshot identity stable otherwise", async () => {
    const { connection } = await setup();
    let notified = 0;
    const unsubscribe = connection.subscribe(() => notified++);
    const socket = await openWith(connection);
    expect(notified).toBe(1);
    const snapshot = connection.getSnapshot();
    expect(connection.getSnapshot()).toBe(snapshot);
    unsubscribe();
    socket.receive({ type: "event", seq: 2, event: raised("h1", "ada") });
    expect(notified).toBe(1);
  });

  it("closes the socket and stays closed after stop()", async () => {
    const { connection, timers } = await setup();
    const socket = await openWith(connection);
    const pendingCommand = connection.send({ type: "floor.yield", payload: {} });
    connection.stop();
    await expect(pendingCommand).rejects.toThrow(/stopped/);
    expect(socket.closedWith).toBe(1000);
    expect(connection.getSnapshot().status).toBe("stopped");
    timers.runAll();
    await settle();
    expect(sockets).toHaveLength(1);
  });
});
