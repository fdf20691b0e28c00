import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Limits } from "../../protocol/limits.ts";
import { MINUTE_MS } from "../../protocol/vocabulary.ts";
import { TestRoom, person } from "../testing/room.ts";
import { replay } from "../meeting/apply.ts";
import { emptyMeeting } from "../meeting/state.ts";
import { phaseClock, remainingMs, timeReport } from "./timer.ts";

const organizer = person("org", "organizer");
const tim = person("tim");
const ann = person("ann");

type TimerOp =
  | { kind: "wait"; ms: number }
  | { kind: "pause" }
  | { kind: "resume" }
  | { kind: "extend"; minutes: number }
  | { kind: "advance" }
  | { kind: "back" };

const opArbitrary: fc.Arbitrary<TimerOp> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 * MINUTE_MS }).map((ms) => ({ kind: "wait" as const, ms })) },
  fc.constant({ kind: "pause" as const }),
  fc.constant({ kind: "resume" as const }),
  fc.integer({ min: Limits.minExtensionMinutes, max: Limits.maxExtensionMinutes }).map((minutes) => ({ kind: "extend" as const, minutes })),
  fc.constant({ kind: "advance" as const }),
  fc.constant({ kind: "back" as const }),
);

describe("phase timers", () => {
  it("count down only while running, add extensions, and keep each phase's time across visits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 1, max: 240 }),
        fc.array(opArbitrary, { maxLength: 60 }),
        (diagnoseMinutes, optionsMinutes, ops) => {
          const r = new TestRoom().join(organizer, tim);
          r.run(organizer, {
            type: "agenda.addItem",
            payload: { title: "Pricing", phases: [{ phase: "diagnose", minutes: diagnoseMinutes }, { phase: "options", minutes: optionsMinutes }] },
          });
          r.run(organizer, { type: "roles.assign", payload: { itemId: r.state.agenda.order[0]!, role: "timekeeper", userId: "tim" } });
          r.run(organizer, { type: "meeting.start", payload: {} });
          const model = { phase: 0, paused: false, used: [0, 0], extended: [0, 0], extensions: [0, 0] };
          const planned = [diagnoseMinutes, optionsMinutes];

          for (const op of ops) {
            switch (op.kind) {
              case "wait":
                r.wait(op.ms);
                if (!model.paused) model.used[model.phase]! += op.ms;
                break;
              case "pause":
              case "resume": {
                const command = { type: op.kind === "pause" ? "timer.pause" : "timer.resume", payload: {} } as const;
                const decision = r.attempt(tim, command);
                expect(decision.ok).toBe(op.kind === "pause" ? !model.paused : model.paused);
                if (!decision.ok) break;
                r.run(tim, command);
                model.paused = op.kind === "pause";
                break;
              }
              case "extend":
                if (model.extensions[model.phase]! >= Limits.maxExtensionsPerPhase) break;
                r.run(tim, { type: "timer.extend", payload: { minutes: op.minutes, reason: "Key data arrived late" } });
                model.extended[model.phase]! += op.minutes;
                model.extensions[model.phase]! += 1;
                break;
              case "advance":
              case "back":
                if ((op.kind === "advance") !== (model.phase === 0)) break;
                if (op.kind === "advance") r.advance(organizer);
                else r.stepBack(organizer);
                model.phase = op.kind === "advance" ? 1 : 0;
                model.paused = false;
                break;
            }
            const expected = (planned[model.phase]! + model.extended[model.phase]!) * MINUTE_MS - model.used[model.phase]!;
            expect(remainingMs(r.state, r.now)).toBe(expected);
            // a pure function of the log and now: replaying the events gives the same clock
            expect(remainingMs(replay(emptyMeeting("m1"), r.log), r.now)).toBe(expected);
            // pausing freezes it: later moments show the same time while paused
            if (model.paused) expect(remainingMs(r.state, r.now + 7 * MINUTE_MS)).toBe(expected);
            else expect(remainingMs(r.state, r.now + 7 * MINUTE_MS)).toBe(expected - 7 * MINUTE_MS);
          }
          const [phases] = timeReport(r.state, r.now).map((item) => item.phases);
          expect(phases?.map((phase) => [phase.usedMs, phase.extendedMinutes])).toEqual([
            [model.used[0], model.extended[0]],
            [model.used[1], model.extended[1]],
          ]);
        },
      ),
    );
  });

  it("goes negative on overrun and says so", () => {
    const r = new TestRoom().join(organizer);
    r.addItem(organizer, "Pricing", ["diagnose"], 5);
    r.run(organizer, { type: "meeting.start", payload: {} });
    expect(phaseClock(r.state, r.now + 4 * MINUTE_MS)).toMatchObject({ remainingMs: MINUTE_MS, isOverrun: false, isPaused: false });
    expect(phaseClock(r.state, r.now + 6 * MINUTE_MS)).toMatchObject({ remainingMs: -MINUTE_MS, isOverrun: true });
  });

  it("shows no clock before the start, between items or after the end", () => {
    const r = new TestRoom().join(organizer);
    r.addItem(organizer, "Pricing", ["commit"], 5);
    expect(remainingMs(r.state, r.now)).toBeNull();
    r.run(organizer, { type: "meeting.start", payload: {} });
    r.advance(organizer);
    expect(remainingMs(r.state, r.now)).toBeNull();
    r.run(organizer, { type: "meeting.end", payload: {} });
    expect(remainingMs(r.state, r.now)).toBeNull();
  });

  it("records who extended a timebox and why", () => {
    const r = new TestRoom().join(organizer, tim);
    const itemId = r.addItem(organizer, "Pricing", ["diagnose"], 5);
    r.run(organizer, { type: "roles.assign", payload: { itemId, role: "timekeeper", userId: "tim" } });
    r.run(organizer, { type: "meeting.start", payload: {} });
    r.wait(1_000).run(tim, { type: "timer.extend", payload: { minutes: 3, reason: "Finance numbers needed" } });
    expect(r.state.facilitation.usage[itemId]?.diagnose?.extensions).toEqual([{ minutes: 3, reason: "Finance numbers needed", by: "tim", at: r.now }]);
  });

  it("refuses an extension aimed at a phase the room has left", () => {
    const r = new TestRoom().join(organizer);
    const itemId = r.addItem(organizer, "Pricing", ["diagnose", "options"], 5);
    r.run(organizer, { type: "meeting.start", payload: {} });
    r.advance(organizer);
    expect(r.attempt(organizer, { type: "timer.extend", payload: { minutes: 5, reason: "More time", expectedItemId: itemId, expectedPhase: "diagnose" } })).toMatchObject({
      ok: false,
      rejection: { code: "stale" },
    });
  });

  it("gives timer powers to the timekeeper and facilitators only, and never the power to advance", () => {
    const r = new TestRoom().join(organizer, tim, ann);
    const itemId = r.addItem(organizer, "Pricing", ["diagnose", "options"], 5);
    r.run(organizer, { type: "roles.assign", payload: { itemId, role: "timekeeper", userId: "tim" } });
    r.run(organizer, { type: "meeting.start", payload: {} });
    for (const type of ["timer.pause", "timer.resume"] as const) {
      expect(r.attempt(ann, { type, payload: {} })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
      r.run(tim, { type, payload: {} });
    }
    expect(r.attempt(ann, { type: "timer.extend", payload: { minutes: 2, reason: "Please" } })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(tim, { type: "timer.extend", payload: { minutes: 2, reason: "Running example" } });
    expect(r.attempt(tim, { type: "facilitation.advance", payload: r.expected() })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    expect(r.attempt(ann, { type: "facilitation.advance", payload: r.expected() })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(organizer, { type: "timer.pause", payload: {} });
  });
});
