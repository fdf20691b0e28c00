import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PHASES, type Phase } from "../../protocol/vocabulary.ts";
import { TestRoom, person } from "../testing/room.ts";
import { agendaItems } from "../agenda/selectors.ts";
import { currentStep } from "./walk.ts";

const organizer = person("org", "organizer");
const ann = person("ann");

const phaseSubset = fc.subarray([...PHASES], { minLength: 1 }).chain((phases) => fc.shuffledSubarray(phases, { minLength: phases.length, maxLength: phases.length }));
const agendaArbitrary = fc.array(phaseSubset, { minLength: 1, maxLength: 6 });

function startedRoom(agenda: Phase[][]): TestRoom {
  const r = new TestRoom().join(organizer, ann);
  agenda.forEach((phases, index) => r.addItem(organizer, `Item ${index + 1}`, phases));
  r.run(organizer, { type: "meeting.start", payload: {} });
  return r;
}

/** The walk as the test understands it: items in order, each item's chosen phases in canonical order. */
function expectedSteps(r: TestRoom, agenda: Phase[][]) {
  return r.state.agenda.order.flatMap((itemId, index) => PHASES.filter((phase) => agenda[index]!.includes(phase)).map((phase) => ({ itemId, phase })));
}

describe("the agenda walk", () => {
  it("advances through every item's phases in order, one at a time, then completes the agenda", () => {
    fc.assert(
      fc.property(agendaArbitrary, (agenda) => {
        const r = startedRoom(agenda);
        const steps = expectedSteps(r, agenda);
        const visited = [currentStep(r.state)];
        for (let n = 1; n < steps.length; n++) {
          r.advance(organizer);
          visited.push(currentStep(r.state));
        }
        expect(visited).toEqual(steps);
        r.advance(organizer);
        expect(currentStep(r.state)).toBeNull();
        expect(agendaItems(r.state).every((item) => item.status === "done")).toBe(true);
        expect(r.attempt(organizer, { type: "facilitation.advance", payload: r.expected() })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
      }),
    );
  });

  it("steps back exactly the way it came, to the very first phase", () => {
    fc.assert(
      fc.property(agendaArbitrary, (agenda) => {
        const r = startedRoom(agenda);
        const steps = expectedSteps(r, agenda);
        for (let n = 0; n < steps.length; n++) r.advance(organizer);
        const visited = [];
        for (let n = 0; n < steps.length; n++) {
          r.stepBack(organizer);
          visited.push(currentStep(r.state));
        }
        expect(visited).toEqual([...steps].reverse());
        expect(agendaItems(r.state).map((item) => item.status)).toEqual(agenda.map((_, index) => (index === 0 ? "active" : "pending")));
        expect(r.attempt(organizer, { type: "facilitation.stepBack", payload: r.expected() })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
      }),
    );
  });

  it("under any mix of moves, sits where the count of moves says, with done items before the active one", () => {
    fc.assert(
      fc.property(agendaArbitrary, fc.array(fc.boolean(), { maxLength: 60 }), (agenda, moves) => {
        const r = startedRoom(agenda);
        const steps = expectedSteps(r, agenda);
        let position = 0;
        for (const forward of moves) {
          const decision = r.attempt(organizer, { type: forward ? "facilitation.advance" : "facilitation.stepBack", payload: r.expected() });
          const allowed = forward ? position < steps.length : position > 0;
          expect(decision.ok).toBe(allowed);
          if (!allowed) continue;
          r.run(organizer, { type: forward ? "facilitation.advance" : "facilitation.stepBack", payload: r.expected() });
          position += forward ? 1 : -1;
          expect(currentStep(r.state)).toEqual(steps[position] ?? null);
          const statuses = r.state.agenda.order.map((itemId) => {
            const indices = steps.flatMap((step, index) => (step.itemId === itemId ? [index] : []));
            if (indices.at(-1)! < position) return "done";
            return indices.includes(position) ? "active" : "pending";
          });
          expect(agendaItems(r.state).map((item) => item.status)).toEqual(statuses);
        }
      }),
    );
  });

  it("refuses a move made from a place the room has already left, and changes nothing", () => {
    const r = startedRoom([["diagnose", "options"], ["commit"]]);
    const seen = r.expected();
    r.advance(organizer);
    const before = r.state;
    for (const type of ["facilitation.advance", "facilitation.stepBack"] as const) {
      const decision = r.attempt(organizer, { type, payload: seen });
      expect(decision).toMatchObject({ ok: false, rejection: { code: "stale", message: expect.stringContaining("the options phase of “Item 1”") } });
    }
    expect(r.state).toBe(before);
  });

  it("starts only with an agenda, only once, and only by a facilitator", () => {
    const r = new TestRoom().join(organizer, ann);
    expect(r.attempt(organizer, { type: "meeting.start", payload: {} })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    r.addItem(organizer, "Only item", ["commit"]);
    expect(r.attempt(ann, { type: "meeting.start", payload: {} })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(organizer, { type: "meeting.start", payload: {} });
    expect(r.state.facilitation).toMatchObject({ status: "running", startedBy: "org", startedAt: r.now });
    expect(r.attempt(organizer, { type: "meeting.start", payload: {} })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
  });

  it("lets an item added after the last one finished be taken up next", () => {
    const r = startedRoom([["commit"]]);
    r.advance(organizer);
    expect(currentStep(r.state)).toBeNull();
    const late = r.addItem(organizer, "Late addition", ["options"]);
    r.run(organizer, { type: "facilitation.advance", payload: { expectedItemId: null, expectedPhase: null } });
    expect(currentStep(r.state)).toEqual({ itemId: late, phase: "options" });
  });

  it("ends with the items not done recorded as unfinished, and none left active", () => {
    const r = startedRoom([["commit"], ["diagnose", "commit"], ["options"]]);
    r.advance(organizer);
    r.run(organizer, { type: "meeting.end", payload: {} });
    const [, second, third] = r.state.agenda.order;
    expect(r.state.facilitation).toMatchObject({ status: "ended", current: null, endedBy: "org", unfinishedItemIds: [second, third] });
    expect(agendaItems(r.state).map((item) => item.status)).toEqual(["done", "pending", "pending"]);
    expect(r.attempt(organizer, { type: "facilitation.advance", payload: { expectedItemId: null, expectedPhase: null } })).toMatchObject({
      ok: false,
      rejection: { code: "invalidState" },
    });
  });
});
