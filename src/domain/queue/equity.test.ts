import { describe, expect, it } from "vitest";
import { Limits } from "../../protocol/limits.ts";
import type { Command } from "../../protocol/commands.ts";
import { projectStateFor } from "../meeting/projection.ts";
import { TestRoom, person } from "../testing/room.ts";
import { dominant, equitySummary, fairShare, floorGini, gini, notSpokenInItem, shareOf } from "./equity.ts";
import { floorMsByItem, floorStatsOf, floorTimeOf, totalFloorMs } from "./floorTime.ts";

const org = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");
const cy = person("cy");

/** Gives `speaker` a turn of `ms` through the queue. */
function speak(r: TestRoom, speaker: ReturnType<typeof person>, ms: number) {
  r.run(speaker, { type: "queue.raiseHand", payload: {} });
  r.run(org, { type: "floor.grantNext", payload: {} });
  r.wait(ms);
  return r.run(speaker, { type: "floor.yield", payload: {} });
}

describe("floor time", () => {
  it("adds up turns per person, counts the current turn up to now, and keeps the longest", () => {
    const r = new TestRoom().join(org, ann, bo);
    speak(r, ann, 30_000);
    speak(r, ann, 50_000);
    r.run(bo, { type: "queue.raiseHand", payload: {} });
    r.run(org, { type: "floor.grantNext", payload: {} });
    r.wait(20_000);
    expect(floorStatsOf(r.state, "ann", r.now)).toEqual({ floorMs: 80_000, turns: 2, longestMs: 50_000 });
    expect(floorTimeOf(r.state, "bo", r.now)).toBe(20_000);
    expect(floorTimeOf(r.state, "bo", r.now + 5_000)).toBe(25_000);
    expect(totalFloorMs(r.state, r.now)).toBe(100_000);
    expect(floorTimeOf(r.state, "org", r.now)).toBe(0);
  });

  it("splits floor time by the item current at each grant", () => {
    const r = new TestRoom().join(org, ann, bo);
    const first = r.addItem(org, "Pricing", ["diagnose"]);
    const second = r.addItem(org, "Hiring", ["diagnose"]);
    speak(r, ann, 10_000);
    r.run(org, { type: "meeting.start", payload: {} });
    speak(r, ann, 20_000);
    r.advance(org);
    speak(r, bo, 40_000);
    expect(Object.fromEntries(floorMsByItem(r.state, r.now))).toEqual({ null: 10_000, [first]: 20_000, [second]: 40_000 });
    expect(floorStatsOf(r.state, "ann", r.now, first)).toMatchObject({ floorMs: 20_000, turns: 1 });
    expect(totalFloorMs(r.state, r.now, second)).toBe(40_000);
  });
});

describe("equity figures", () => {
  it("sets the fair share by the people present, silent ones included", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    expect(fairShare(r.state)).toBe(0.25);
    r.run(cy, { type: "meeting.leave", payload: {} });
    expect(fairShare(r.state)).toBeCloseTo(1 / 3);
    expect(fairShare(new TestRoom().state)).toBe(0);
  });

  it("measures each share of all floor time, 0 before anyone spoke", () => {
    const r = new TestRoom().join(org, ann, bo);
    expect(shareOf(r.state, "ann", r.now)).toBe(0);
    speak(r, ann, 30_000);
    speak(r, bo, 10_000);
    expect(shareOf(r.state, "ann", r.now)).toBe(0.75);
    expect(shareOf(r.state, "org", r.now)).toBe(0);
  });

  it("computes the Gini coefficient: 0 for equal floor time, higher as it concentrates", () => {
    expect(gini([])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75);
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25);
    const r = new TestRoom().join(org, ann, bo);
    speak(r, ann, 60_000);
    expect(floorGini(r.state, r.now)).toBeCloseTo(2 / 3);
  });

  it("names the people present who have not spoken in the current item", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    r.addItem(org, "Pricing", ["diagnose"]);
    r.addItem(org, "Hiring", ["diagnose"]);
    r.run(org, { type: "meeting.start", payload: {} });
    speak(r, ann, 10_000);
    expect(notSpokenInItem(r.state, r.now)).toEqual(["bo", "cy", "org"]);
    r.advance(org);
    expect(notSpokenInItem(r.state, r.now)).toEqual(["ann", "bo", "cy", "org"]);
    r.run(bo, { type: "queue.raiseHand", payload: {} });
    r.run(org, { type: "floor.grantNext", payload: {} });
    expect(notSpokenInItem(r.state, r.now)).toEqual(["ann", "cy", "org"]);
  });

  it("judges dominance only once the meeting has had enough floor time", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    const events = speak(r, ann, Limits.dominanceMinFloorSeconds * 1000 - 1_000);
    expect(events.map((event) => event.type)).toEqual(["floor.released"]);
    expect(dominant(r.state, r.now)).toEqual([]);
    expect(dominant(r.state, r.now + 1_000)).toEqual([]);
  });

  it("alerts facilitators when a turn ends with a share above the threshold", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    speak(r, bo, 30_000);
    const events = speak(r, ann, 200_000);
    expect(events.map((event) => [event.type, event.audience.kind])).toEqual([
      ["floor.released", "everyone"],
      ["equity.dominanceDetected", "facilitators"],
    ]);
    const share = 200_000 / 230_000;
    expect(events[1]).toMatchObject({ payload: { userId: "ann", floorMs: 200_000, fairShare: 0.25 } });
    expect(r.state.equity.alerts["ann"]?.share).toBeCloseTo(share);
    expect(r.state.equity.alerts["ann"]?.ratio).toBeCloseTo(share / 0.25);
    expect(dominant(r.state, r.now).map((found) => found.userId)).toEqual(["ann"]);
  });

  it("follows the threshold a facilitator sets", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    const threshold = (ratio: number): Command => ({ type: "equity.setThreshold", payload: { ratio } });
    expect(r.attempt(ann, threshold(4))).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(org, threshold(4));
    speak(r, bo, 30_000);
    expect(speak(r, ann, 200_000).map((event) => event.type)).toEqual(["floor.released"]);
    r.run(org, threshold(3));
    expect(dominant(r.state, r.now).map((found) => found.userId)).toEqual(["ann"]);
  });

  it("keeps dominance alerts out of everyone's snapshot but facilitators'", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    speak(r, bo, 30_000);
    speak(r, ann, 200_000);
    expect(Object.keys(projectStateFor(r.state, "org").equity.alerts)).toEqual(["ann"]);
    expect(projectStateFor(r.state, "ann").equity.alerts).toEqual({});
    expect(projectStateFor(r.state, "bo").turns).toEqual(r.state.turns);
  });

  it("lets a facilitator share the figures with the room and hide them again", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    speak(r, ann, 30_000);
    speak(r, bo, 10_000);
    expect(r.attempt(ann, { type: "equity.shareSummary", payload: {} })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    const [shared] = r.run(org, { type: "equity.shareSummary", payload: {} });
    expect(shared?.audience).toEqual({ kind: "everyone" });
    expect(r.state.equity.sharedSummary).toEqual({ ...equitySummary(r.state, r.now), sharedBy: "org" });
    expect(r.state.equity.sharedSummary).toMatchObject({
      totalMs: 40_000,
      presentCount: 4,
      fairShare: 0.25,
      people: [
        { userId: "ann", floorMs: 30_000, turns: 1, share: 0.75 },
        { userId: "bo", floorMs: 10_000, turns: 1, share: 0.25 },
      ],
      notSpokenInItemCount: 2,
    });
    r.run(org, { type: "equity.hideSummary", payload: {} });
    expect(r.state.equity.sharedSummary).toBeNull();
    expect(r.attempt(org, { type: "equity.hideSummary", payload: {} })).toEqual({ ok: true, events: [] });
  });
});
