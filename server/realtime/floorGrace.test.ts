import { describe, expect, it } from "vitest";
import type { Floor } from "../../src/domain/index.ts";
import { silentLogger } from "../logger.ts";
import type { MeetingKey } from "../store/eventStore.ts";
import { FloorGrace, type Timers } from "./floorGrace.ts";

const key: MeetingKey = { tenantId: "t1", meetingId: "m1" };
const floorOf = (userId: string, since = 100): Floor => ({ entryId: "h1", userId, since, kind: "newPoint", itemId: null, extensionSeconds: 0, round: null });

/** A FloorGrace whose timers are recorded, and whose passes are collected instead of run. */
function setUp(options: { rate?: number; graceMs?: number; floor?: Floor | null } = {}) {
  const scheduled: { callback: () => void; ms: number; isCleared: boolean }[] = [];
  const timers: Timers = {
    set: (callback, ms) => scheduled.push({ callback, ms, isCleared: false }) - 1,
    clear: (handle) => void (scheduled[handle as number]!.isCleared = true),
  };
  const passed: [string, number][] = [];
  const grace = new FloorGrace({
    clock: { now: () => 0, ...(options.rate ? { rate: options.rate } : {}) },
    ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
    timers,
    floorOf: () => Promise.resolve(options.floor === undefined ? floorOf("ann") : options.floor),
    passOn: (_key, userId, since) => {
      passed.push([userId, since]);
      return Promise.resolve();
    },
    logger: silentLogger,
  });
  const live = () => scheduled.filter((timer) => !timer.isCleared);
  return { grace, live, passed };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the disconnected speaker's grace period", () => {
  it("waits 30 seconds of server time, which a fast development clock shortens in real time", async () => {
    const normal = setUp();
    normal.grace.connected(key, "ann");
    normal.grace.disconnected(key, "ann");
    await settle();
    expect(normal.live().map((timer) => timer.ms)).toEqual([30_000]);

    const fast = setUp({ rate: 60 });
    fast.grace.connected(key, "ann");
    fast.grace.disconnected(key, "ann");
    await settle();
    expect(fast.live().map((timer) => timer.ms)).toEqual([500]);
  });

  it("passes on the turn it saw when the time is up, unless the speaker came back", async () => {
    const { grace, live, passed } = setUp();
    grace.connected(key, "ann");
    grace.disconnected(key, "ann");
    await settle();
    const [due] = live();
    due!.isCleared = true;
    due!.callback();
    expect(passed).toEqual([["ann", 100]]);

    grace.disconnected(key, "ann");
    grace.connected(key, "ann");
    await settle();
    expect(live()).toHaveLength(0);
  });

  it("leaves alone someone without the floor, and starts no timer once closed", async () => {
    const { grace, live } = setUp({ floor: floorOf("bo") });
    grace.connected(key, "ann");
    grace.disconnected(key, "ann");
    await settle();
    expect(live()).toHaveLength(0);
    grace.close();
    grace.floorChanged(key, floorOf("ann"));
    expect(live()).toHaveLength(0);
  });
});
