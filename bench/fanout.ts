import fs from "node:fs";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { PROTOCOL_VERSION, WS_BEARER_PREFIX, WS_PATH, WS_SUBPROTOCOL } from "../src/protocol/index.ts";
import { devTokens, liveBytes, seatRoster, startDevServer } from "./support/devServer.ts";
import { freePort, startNodeProcess, stopProcess } from "../test/fixtures/processes.ts";
import { formatMs, percentile } from "./support/stats.ts";

// Fan-out: one meeting, 1,000 connected participants (Teams' interactive limit). A hand raise must
// reach all of them. Compared in the same run with a bare `ws` broadcast of an equal payload.
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
// enough rounds that one stall of the shared machine cannot decide the p99 on its own
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const MEETING_ID = "bench-fanout";
const WARM_UP_ROUNDS = 10;

interface Receiver {
  socket: WebSocket;
  receivedAt: number | null;
}

/** Connects `count` sockets, 50 at a time. */
async function connectAll(count: number, open: (n: number) => Promise<WebSocket>): Promise<Receiver[]> {
  const receivers: Receiver[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, count - start) }, (_, offset) => open(start + offset)));
    receivers.push(...batch.map((socket) => ({ socket, receivedAt: null })));
  }
  return receivers;
}

/** Arms every receiver, runs `trigger`, and resolves with each receiver's delay once all have received. */
function measureRound(receivers: Receiver[], isTarget: (data: string) => boolean, trigger: () => void): Promise<number[]> {
  return new Promise((resolve, reject) => {
    let remaining = receivers.length;
    const timer = setTimeout(() => reject(new Error(`only ${receivers.length - remaining} of ${receivers.length} received`)), 15_000);
    const handlers = receivers.map((receiver) => {
      receiver.receivedAt = null;
      const handler = (data: WebSocket.RawData) => {
        if (receiver.receivedAt !== null || !isTarget((data as Buffer).toString("utf8"))) return;
        receiver.receivedAt = performance.now();
        if (--remaining === 0) {
          clearTimeout(timer);
          receivers.forEach((r, index) => r.socket.off("message", handlers[index]!));
          resolve(receivers.map((r) => r.receivedAt! - startedAt));
        }
      };
      receiver.socket.on("message", handler);
      return handler;
    });
    const startedAt = performance.now();
    trigger();
  });
}

function summarize(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/** Concord's side: the built server in development mode, 1,000 authenticated sockets in one meeting. */
async function connectConcord() {
  const server = await startDevServer();
  await seatRoster(server.origin, MEETING_ID, PARTICIPANTS);
  const tokens = await devTokens(server.origin, PARTICIPANTS);
  const liveBefore = await liveBytes(server.origin);
  const wsUrl = server.origin.replace("http", "ws") + WS_PATH;
  const receivers = await connectAll(PARTICIPANTS, (n) => {
    const socket = new WebSocket(wsUrl, [WS_SUBPROTOCOL, WS_BEARER_PREFIX + tokens[n]!]);
    return new Promise((resolve, reject) => {
      socket.once("error", reject);
      socket.once("open", () => socket.send(JSON.stringify({ type: "hello", protocolVersion: PROTOCOL_VERSION, meetingId: MEETING_ID, lastSeq: 0 })));
      socket.once("message", () => resolve(socket));
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const bytesPerParticipant = ((await liveBytes(server.origin)) - liveBefore) / PARTICIPANTS;
  const send = (n: number, type: string) =>
    receivers[n]!.socket.send(JSON.stringify({ type: "command", commandId: `${type}-${n}`, command: { type, payload: {} } }));
  // the raisers join first (this also warms the server up) so rounds measure only the hand raise
  for (let round = 0; round <= ROUNDS; round++) {
    await measureRound(receivers, (data) => data.includes("participantJoined"), () => send(round, "meeting.join"));
  }
  let sample = "";
  const raise = (round: number) =>
    measureRound(receivers, (data) => data.includes("queue.handRaised") && (sample = data).length > 0, () => send(round, "queue.raiseHand"));
  return {
    receivers,
    bytesPerParticipant,
    raise,
    sample: () => sample,
    async stop() {
      for (const { socket } of receivers) socket.terminate();
      await stopProcess(server.process);
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

/** The floor: a bare ws server broadcasting a prepared payload to 1,000 plain sockets. */
async function connectBare(payload: string) {
  const port = await freePort();
  const child = await startNodeProcess(["--import", "tsx", "bench/support/bareBroadcastServer.ts"], { PORT: String(port) }, `http://127.0.0.1:${port}/`);
  const receivers = await connectAll(PARTICIPANTS, () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/`);
    return new Promise((resolve, reject) => {
      socket.once("error", reject);
      socket.once("open", () => resolve(socket));
    });
  });
  receivers[0]!.socket.send(`payload:${payload}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const broadcast = () => measureRound(receivers, () => true, () => receivers[0]!.socket.send("go"));
  for (let round = 0; round < WARM_UP_ROUNDS; round++) await broadcast();
  return {
    broadcast,
    async stop() {
      for (const { socket } of receivers) socket.terminate();
      await stopProcess(child);
    },
  };
}

const concordSide = await connectConcord();
// one raise first, not counted, to learn the exact payload the floor must broadcast
await concordSide.raise(0);
const concordLatencies: number[] = [];
const bareSide = await connectBare(concordSide.sample());
const bareLatencies: number[] = [];
// alternate the two so the machine's background noise falls on both alike
for (let round = 1; round <= ROUNDS; round++) {
  concordLatencies.push(...(await concordSide.raise(round)));
  bareLatencies.push(...(await bareSide.broadcast()));
}
await concordSide.stop();
await bareSide.stop();
const concord = { ...summarize(concordLatencies), bytesPerParticipant: concordSide.bytesPerParticipant, sample: concordSide.sample() };
const floor = summarize(bareLatencies);
const result = {
  participants: PARTICIPANTS,
  rounds: ROUNDS,
  payloadBytes: Buffer.byteLength(concord.sample),
  concord: { p50: concord.p50, p99: concord.p99, max: concord.max },
  bareWs: floor,
  p99Ratio: concord.p99 / floor.p99,
  serverBytesPerParticipant: concord.bytesPerParticipant,
};
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/fanout.json", JSON.stringify(result, null, 2));
process.stdout.write(
  [
    `Fan-out: one hand raise to ${PARTICIPANTS} connected participants, ${ROUNDS} rounds, ${result.payloadBytes}-byte event`,
    `  Concord (auth, SQLite, projection)  p50 ${formatMs(concord.p50)}  p99 ${formatMs(concord.p99)}`,
    `  bare ws broadcast (the floor)       p50 ${formatMs(floor.p50)}  p99 ${formatMs(floor.p99)}`,
    `  p99 ratio ${result.p99Ratio.toFixed(2)}× (target ≤ 1.5×) — ${result.p99Ratio <= 1.5 ? "met" : "NOT met"}`,
    `  server memory per connected participant: ${(concord.bytesPerParticipant / 1024).toFixed(1)} KiB (V8 heap + external after a full GC, before and after connecting)`,
    "",
  ].join("\n"),
);
