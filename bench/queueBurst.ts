import { createHash } from "node:crypto";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { emptyMeeting, orderedQueue } from "../src/domain/index.ts";
import type { DomainEvent } from "../src/protocol/events.ts";
import { PROTOCOL_VERSION, WS_BEARER_PREFIX, WS_PATH, WS_SUBPROTOCOL, type ServerMessage } from "../src/protocol/index.ts";
import { freePort, startNodeProcess, stopProcess } from "../test/fixtures/processes.ts";
import { TestClient } from "../test/fixtures/wsClient.ts";
import { benchUserId, devTokens, peakRssBytes, seatRoster, serverMemory, startDevServer, type ServerMemory } from "./support/devServer.ts";
import { totalUsage, withUsage, type Usage } from "./support/cpu.ts";
import { seededShuffle } from "./support/random.ts";
import { formatMs, median, percentile } from "./support/stats.ts";

// Hand-raise burst: every one of 1,000 connected participants (Teams' interactive limit) raises a
// hand within one second. Per command: send → ack, and send → the moment the last client has folded
// the entry. Every round must end with every client holding the identical queue. Compared in the
// same run with a bare `ws` relay carrying the same burst, rounds alternating between the two.
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SPREAD_MS = 1000;
const MEETING_ID = "bench-queue-burst";
// a stuck round fails the run rather than hanging it
const WAIT_LIMIT_MS = 180_000;

/** One burst's clocks, by the raiser's index: when each command left, was acknowledged, and how far its entry has spread. */
class Burst {
  readonly sentAt = new Float64Array(PARTICIPANTS);
  readonly ackAt = new Float64Array(PARTICIPANTS);
  readonly lastFoldAt = new Float64Array(PARTICIPANTS);
  readonly foldCount = new Uint32Array(PARTICIPANTS);
  readonly rejections: string[] = [];
  acks = 0;
  /** Entries every client has folded. */
  converged = 0;

  acked(index: number, now: number): void {
    this.ackAt[index] = now;
    this.acks++;
  }

  folded(index: number, now: number): void {
    this.lastFoldAt[index] = now;
    if (++this.foldCount[index]! === PARTICIPANTS) this.converged++;
  }

  sendWindowMs(): number {
    return Math.max(...this.sentAt) - Math.min(...this.sentAt);
  }

  ackLatencies(): number[] {
    return Array.from(this.sentAt, (sent, index) => this.ackAt[index]! - sent);
  }

  convergedLatencies(): number[] {
    return Array.from(this.sentAt, (sent, index) => this.lastFoldAt[index]! - sent);
  }
}

let burst: Burst | null = null;
let closedSockets = 0;

/** Polls until `isDone`; throws on a closed socket, on `failure`, or after the wait limit. */
async function until(isDone: () => boolean, describe: () => string, failure: () => string | null = () => null): Promise<void> {
  const deadline = performance.now() + WAIT_LIMIT_MS;
  while (!isDone()) {
    const failed = failure();
    if (failed !== null) throw new Error(failed);
    if (closedSockets > 0) throw new Error(`${closedSockets} sockets closed during the run`);
    if (performance.now() > deadline) throw new Error(`gave up after ${WAIT_LIMIT_MS / 1000} s: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sends one command per index in `order`, spread evenly over SPREAD_MS. */
function sendSpread(order: readonly number[], send: (index: number) => void): Promise<void> {
  return new Promise((resolve) => {
    const start = performance.now();
    let next = 0;
    const tick = () => {
      const elapsed = performance.now() - start;
      while (next < order.length && (next * SPREAD_MS) / order.length <= elapsed) send(order[next++]!);
      if (next < order.length) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
}

const checksumOf = (lines: readonly string[]) => createHash("sha256").update(lines.join("\n")).digest("hex");

/** A participant's socket and its own fold of the queue: entry id → who, in arrival order. */
interface QueueClient {
  index: number;
  socket: WebSocket;
  lastSeq: number;
  seqGaps: number;
  queue: Map<string, string>;
  onWelcome: (() => void) | null;
  pendingJoin: { commandId: string; settle: (message: ServerMessage) => void } | null;
}

// Every client receives byte-identical event frames, so each frame is parsed once and the parse
// shared; each client still decodes every frame and folds it into its own queue. Without this the
// bench's single process, not the server, would set the pace on a 2-core machine.
const parsedFrames = new Map<string, ServerMessage>();
let sampleEventFrame = "";

function connectConcordClient(wsUrl: string, token: string, index: number, userIndex: ReadonlyMap<string, number>): Promise<QueueClient> {
  const socket = new WebSocket(wsUrl, [WS_SUBPROTOCOL, WS_BEARER_PREFIX + token]);
  const client: QueueClient = { index, socket, lastSeq: 0, seqGaps: 0, queue: new Map(), onWelcome: null, pendingJoin: null };
  const fold = (seq: number, event: DomainEvent, now: number) => {
    if (seq <= client.lastSeq) return;
    if (seq !== client.lastSeq + 1) client.seqGaps++;
    client.lastSeq = seq;
    switch (event.type) {
      case "queue.handRaised":
        client.queue.set(event.payload.entryId, event.payload.userId);
        burst?.folded(userIndex.get(event.payload.userId)!, now);
        break;
      case "queue.handLowered":
        client.queue.delete(event.payload.entryId);
        break;
      case "queue.cleared":
        client.queue.clear();
        break;
      case "floor.granted":
        if (event.payload.entryId !== null) client.queue.delete(event.payload.entryId);
        break;
      default:
        break;
    }
  };
  socket.on("message", (data) => {
    const now = performance.now();
    const text = (data as Buffer).toString("utf8");
    let message = parsedFrames.get(text);
    if (!message) {
      message = JSON.parse(text) as ServerMessage;
      if (message.type === "event") {
        parsedFrames.set(text, message);
        if (sampleEventFrame === "" && message.event.type === "queue.handRaised") sampleEventFrame = text;
      }
    }
    switch (message.type) {
      case "event":
        fold(message.seq, message.event, now);
        break;
      case "welcome":
        if (message.mode === "snapshot") {
          const entries = Object.values(message.state.queue).sort((a, b) => a.arrival - b.arrival);
          client.queue = new Map(entries.map((entry) => [entry.entryId, entry.userId]));
          client.lastSeq = message.seq;
        } else {
          for (const { seq, event } of message.events) fold(seq, event, now);
          client.lastSeq = message.seq;
        }
        client.onWelcome?.();
        break;
      case "ack":
      case "reject":
        if (message.commandId === client.pendingJoin?.commandId) client.pendingJoin.settle(message);
        else if (message.type === "ack") burst?.acked(index, now);
        else burst?.rejections.push(`participant ${index}: ${message.code} (${message.message})`);
        break;
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`participant ${index} was not connected and joined within 30 s`)), 30_000);
    socket.once("error", reject);
    socket.once("close", (code, reason) => {
      closedSockets++;
      reject(new Error(`participant ${index}'s socket closed: ${code} ${reason.toString()}`));
    });
    socket.once("open", () => socket.send(JSON.stringify({ type: "hello", protocolVersion: PROTOCOL_VERSION, meetingId: MEETING_ID, lastSeq: 0 })));
    client.onWelcome = () => {
      client.onWelcome = null;
      const commandId = `join-${index}`;
      client.pendingJoin = {
        commandId,
        settle: (message) => {
          clearTimeout(timer);
          client.pendingJoin = null;
          if (message.type === "ack") resolve(client);
          else reject(new Error(`participant ${index} could not join: ${JSON.stringify(message)}`));
        },
      };
      socket.send(JSON.stringify({ type: "command", commandId, command: { type: "meeting.join", payload: {} } }));
    };
  });
}

/** What one Concord round proved besides its timings. */
interface RoundCheck {
  checksum: string;
  problems: string[];
}

/** Concord's side: the built server in development mode, every participant connected and joined, and a facilitator. */
async function connectConcord() {
  const server = await startDevServer();
  await seatRoster(server.origin, MEETING_ID, PARTICIPANTS);
  const tokens = await devTokens(server.origin, PARTICIPANTS);
  const memoryBefore = await serverMemory(server.origin);
  const wsUrl = server.origin.replace("http", "ws") + WS_PATH;
  const userIds: string[] = [];
  const clients: QueueClient[] = [];
  // joined 50 at a time as they connect: setup, not the burst under test
  const userIndex = new Map<string, number>();
  for (let start = 0; start < PARTICIPANTS; start += 50) {
    const batch = Array.from({ length: Math.min(50, PARTICIPANTS - start) }, (_, offset) => connectConcordClient(wsUrl, tokens[start + offset]!, start + offset, userIndex));
    clients.push(...(await Promise.all(batch)));
  }
  // the facilitator: the organizer on a second connection, folding every event with the domain's own applyEvent
  const facilitator = await TestClient.connect(server.origin, tokens[0]!);
  facilitator.state = emptyMeeting(MEETING_ID);
  await facilitator.hello(MEETING_ID, 0);
  const present = new Set(Object.values(facilitator.state.participants).map((participant) => participant.userId));
  for (let index = 0; index < PARTICIPANTS; index++) {
    const userId = benchUserId(index);
    if (!present.has(userId)) throw new Error(`participant ${index} is not in the meeting`);
    userIds[index] = userId;
    userIndex.set(userId, index);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const memoryConnected = await serverMemory(server.origin);

  const clear = async () => {
    const answer = await facilitator.command({ type: "queue.clear", payload: {} });
    if (answer.type !== "ack") throw new Error(`the facilitator could not clear the queue: ${answer.message}`);
    await until(
      () => facilitator.lastSeq >= answer.seq && clients.every((client) => client.lastSeq >= answer.seq && client.queue.size === 0),
      () => `${clients.filter((client) => client.lastSeq < answer.seq).length} clients have not seen the queue cleared`,
    );
  };

  const verify = (current: Burst): RoundCheck => {
    const problems: string[] = [];
    const queue = orderedQueue(facilitator.state!);
    const lines = queue.map((entry) => `${entry.entryId} ${entry.userId}`);
    const checksum = checksumOf(lines);
    if (queue.length !== PARTICIPANTS) problems.push(`the facilitator's queue holds ${queue.length} entries, not ${PARTICIPANTS}`);
    const queued = new Set(queue.map((entry) => entry.userId));
    if (queued.size !== queue.length) problems.push("someone holds two entries");
    const missing = userIds.filter((userId) => !queued.has(userId)).length;
    if (missing > 0) problems.push(`${missing} raised hands are missing from the queue`);
    const differing = clients.filter((client) => checksumOf([...client.queue].map(([entryId, userId]) => `${entryId} ${userId}`)) !== checksum).length;
    if (differing > 0) problems.push(`${differing} clients hold a queue different from the facilitator's`);
    const gaps = clients.reduce((sum, client) => sum + client.seqGaps, 0);
    if (gaps > 0) problems.push(`${gaps} gaps in the event sequence`);
    const unevenly = Array.from(current.foldCount).filter((count) => count !== PARTICIPANTS).length;
    if (unevenly > 0) problems.push(`${unevenly} entries were not folded exactly once by every client`);
    if (current.acks !== PARTICIPANTS) problems.push(`${current.acks} of ${PARTICIPANTS} commands acknowledged`);
    return { checksum, problems };
  };

  const burstUntilConverged = async (current: Burst, target: number, number: number) => {
    await sendSpread(seededShuffle(PARTICIPANTS, number), (index) => {
      const message = JSON.stringify({ type: "command", commandId: `raise-${number}-${index}`, command: { type: "queue.raiseHand", payload: {} } });
      current.sentAt[index] = performance.now();
      clients[index]!.socket.send(message);
    });
    await until(
      () => current.acks === PARTICIPANTS && current.converged === PARTICIPANTS && facilitator.lastSeq >= target && clients.every((client) => client.lastSeq >= target),
      () => `${current.acks} acks, ${current.converged} entries converged`,
      () => (current.rejections.length > 0 ? `refused: ${current.rejections.slice(0, 3).join("; ")}` : null),
    );
  };

  const round = async (number: number): Promise<{ burst: Burst; check: RoundCheck; usage: Usage }> => {
    const target = facilitator.lastSeq + PARTICIPANTS;
    parsedFrames.clear();
    const current = new Burst();
    burst = current;
    const [, usage] = await withUsage(server.process.pid, () => burstUntilConverged(current, target, number));
    burst = null;
    const check = verify(current);
    await clear();
    return { burst: current, check, usage };
  };

  return {
    round,
    memoryBefore,
    memoryConnected,
    memoryNow: () => serverMemory(server.origin),
    peakRss: () => (server.process.pid === undefined ? null : peakRssBytes(server.process.pid)),
    async stop() {
      facilitator.close();
      for (const { socket } of clients) socket.removeAllListeners("close").terminate();
      await stopProcess(server.process);
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

/** The floor: a bare ws relay and plain sockets, each sending a frame as long as Concord's event. */
async function connectRelay(frameBytes: number) {
  const port = await freePort();
  const child = await startNodeProcess(["--import", "tsx", "bench/support/bareRelayServer.ts"], { PORT: String(port) }, `http://127.0.0.1:${port}/`);
  const sockets: WebSocket[] = [];
  const open = (index: number) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/`);
    socket.on("message", (data) => {
      const now = performance.now();
      const text = (data as Buffer).toString("utf8");
      if (text === "ack") burst?.acked(index, now);
      else burst?.folded(Number(text.slice("relay:".length, text.indexOf(":", "relay:".length))), now);
    });
    return new Promise<WebSocket>((resolve, reject) => {
      socket.once("error", reject);
      socket.once("close", () => {
        closedSockets++;
        reject(new Error(`floor socket ${index} closed`));
      });
      socket.once("open", () => resolve(socket));
    });
  };
  for (let start = 0; start < PARTICIPANTS; start += 50) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, PARTICIPANTS - start) }, (_, offset) => open(start + offset)))));
  }
  const frames = sockets.map((_, index) => `relay:${index}:`.padEnd(frameBytes, "x"));
  const round = async (number: number): Promise<{ burst: Burst; usage: Usage }> => {
    const current = new Burst();
    burst = current;
    const [, usage] = await withUsage(child.pid, async () => {
      await sendSpread(seededShuffle(PARTICIPANTS, number), (index) => {
        current.sentAt[index] = performance.now();
        sockets[index]!.send(frames[index]!);
      });
      await until(
        () => current.acks === PARTICIPANTS && current.converged === PARTICIPANTS,
        () => `${current.acks} acks, ${current.converged} frames everywhere`,
      );
    });
    burst = null;
    return { burst: current, usage };
  };
  return {
    round,
    async stop() {
      for (const socket of sockets) socket.removeAllListeners("close").terminate();
      await stopProcess(child);
    },
  };
}

function summarize(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

const seconds = (ms: number | null) => (ms === null ? "unknown" : `${(ms / 1000).toFixed(1)} s`);
const usageLine = (usage: Usage) => `wall ${seconds(usage.wallMs)}, server CPU ${seconds(usage.serverCpuMs)}, bench clients CPU ${seconds(usage.benchCpuMs)}`;
const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const signedMebibytes = (bytes: number) => `${bytes >= 0 ? "+" : "−"}${mebibytes(Math.abs(bytes))}`;
const memoryDelta = (from: ServerMemory, to: ServerMemory) =>
  `RSS ${signedMebibytes(to.rss - from.rss)}, heap ${signedMebibytes(to.heapUsed - from.heapUsed)}, external ${signedMebibytes(to.external - from.external)}`;

const concordSide = await connectConcord();
// one round first, not counted: it warms the server up and gives the exact frame the floor must carry
const warmUp = await concordSide.round(0);
if (warmUp.check.problems.length > 0) throw new Error(`warm-up round: ${warmUp.check.problems.join("; ")}`);
const frameBytes = Buffer.byteLength(sampleEventFrame);
const relaySide = await connectRelay(frameBytes);
await relaySide.round(0);

const concordRounds: { burst: Burst; check: RoundCheck; usage: Usage }[] = [];
const relayRounds: { burst: Burst; usage: Usage }[] = [];
// alternate the two so the machine's background noise falls on both alike
for (let number = 1; number <= ROUNDS; number++) {
  concordRounds.push(await concordSide.round(number));
  relayRounds.push(await relaySide.round(number));
}
const memoryAfter = await concordSide.memoryNow();
const peakRss = concordSide.peakRss();
await relaySide.stop();
await concordSide.stop();

const concordAck = summarize(concordRounds.flatMap(({ burst: round }) => round.ackLatencies()));
const concordConverged = summarize(concordRounds.flatMap(({ burst: round }) => round.convergedLatencies()));
const relayAck = summarize(relayRounds.flatMap(({ burst: round }) => round.ackLatencies()));
const relayConverged = summarize(relayRounds.flatMap(({ burst: round }) => round.convergedLatencies()));
const roundP99s = concordRounds.map(({ burst: round }, index) => ({
  concord: summarize(round.convergedLatencies()).p99,
  floor: summarize(relayRounds[index]!.burst.convergedLatencies()).p99,
}));
const roundRatios = roundP99s.map(({ concord, floor }) => concord / floor);
const problems = concordRounds.flatMap(({ check }, index) => check.problems.map((problem) => `round ${index + 1}: ${problem}`));
const isConsistent = problems.length === 0;
const sendWindow = median([...concordRounds.map(({ burst: round }) => round.sendWindowMs()), ...relayRounds.map(({ burst: round }) => round.sendWindowMs())]);

const result = {
  participants: PARTICIPANTS,
  rounds: ROUNDS,
  eventBytes: frameBytes,
  sendWindowMs: sendWindow,
  concord: { ack: concordAck, converged: concordConverged },
  bareRelay: { ack: relayAck, converged: relayConverged },
  convergedP99Ratio: concordConverged.p99 / relayConverged.p99,
  medianRoundP99Ratio: median(roundRatios),
  roundConvergedP99s: roundP99s,
  usage: { concord: totalUsage(concordRounds.map(({ usage }) => usage)), bareRelay: totalUsage(relayRounds.map(({ usage }) => usage)) },
  checksums: concordRounds.map(({ check }) => check.checksum),
  problems,
  serverMemory: { beforeConnecting: concordSide.memoryBefore, connected: concordSide.memoryConnected, afterBursts: memoryAfter, peakRss },
};
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/queueBurst.json", JSON.stringify(result, null, 2));
process.stdout.write(
  [
    `Hand-raise burst: ${PARTICIPANTS} connected participants each raise a hand within one second (sent over ${sendWindow.toFixed(0)} ms),`,
    `  ${ROUNDS} rounds after a warm-up, ${frameBytes}-byte event; latency per command, ${ROUNDS * PARTICIPANTS} commands`,
    `  Concord  send→ack                   p50 ${formatMs(concordAck.p50)}  p99 ${formatMs(concordAck.p99)}`,
    `  Concord  send→last client converged p50 ${formatMs(concordConverged.p50)}  p99 ${formatMs(concordConverged.p99)}`,
    `  bare ws relay (floor) send→ack      p50 ${formatMs(relayAck.p50)}  p99 ${formatMs(relayAck.p99)}`,
    `  bare ws relay (floor) send→last     p50 ${formatMs(relayConverged.p50)}  p99 ${formatMs(relayConverged.p99)}`,
    `  converged p99 ratio ${result.convergedP99Ratio.toFixed(2)}× (median of per-round ratios ${result.medianRoundP99Ratio.toFixed(2)}×); the issue sets no latency target`,
    `  converged p99 by round, Concord / floor: ${roundP99s.map(({ concord, floor }) => `${(concord / 1000).toFixed(1)} s / ${(floor / 1000).toFixed(1)} s`).join(", ")}`,
    `  time spent in the measured bursts (2 cores): Concord ${usageLine(result.usage.concord)}; floor ${usageLine(result.usage.bareRelay)}`,
    `  identical queues: every round ${PARTICIPANTS} acks, every entry folded once by all ${PARTICIPANTS} clients, all queues equal to the facilitator's — ${isConsistent ? "PASS" : "MISS"}`,
    ...(isConsistent ? [] : problems.map((problem) => `    ${problem}`)),
    `  queue checksums by round (sha256, first 12): ${result.checksums.map((checksum) => checksum.slice(0, 12)).join(" ")}`,
    `  server memory after a full GC: connecting and joining ${PARTICIPANTS}: ${memoryDelta(concordSide.memoryBefore, concordSide.memoryConnected)};`,
    `    after the bursts vs connected: ${memoryDelta(concordSide.memoryConnected, memoryAfter)}; peak RSS ${peakRss === null ? "unknown" : mebibytes(peakRss)}`,
    "",
  ].join("\n"),
);
if (!isConsistent) process.exitCode = 1;
