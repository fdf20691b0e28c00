import { describe, expect, it } from "vitest";
import { person, TestRoom } from "../../../domain/testing/room.ts";
import { nextMove } from "./nextMove.ts";
import { numberedPhase, roleHolders, situationOf } from "./roomView.ts";
import { timelineOf } from "./timeline.ts";

const ada = person("ada", "organizer");
const bob = person("bob");
const cy = person("cy");

function roomWithTwoItems() {
  const room = new TestRoom().join(ada, bob, cy);
  const first = room.addItem(ada, "Pricing", ["diagnose", "commit"], 5);
  const second = room.addItem(ada, "Hiring", ["options"], 10);
  return { room, first, second };
}

describe("situationOf", () => {
  it("walks from no agenda through the run to the end", () => {
    const room = new TestRoom().join(ada);
    expect(situationOf(room.state)).toBe("noAgenda");
    room.addItem(ada, "Pricing", ["diagnose"], 5);
    expect(situationOf(room.state)).toBe("notStarted");
    room.run(ada, { type: "meeting.start", payload: {} });
    expect(situationOf(room.state)).toBe("running");
    room.advance(ada);
    expect(situationOf(room.state)).toBe("agendaDone");
    room.addItem(ada, "Follow-up", ["commit"], 5);
    expect(situationOf(room.state)).toBe("betweenItems");
    room.run(ada, { type: "meeting.end", payload: {} });
    expect(situationOf(room.state)).toBe("ended");
  });
});

describe("numberedPhase and nextMove", () => {
  it("numbers the item and phase and names where advancing leads", () => {
    const { room, first, second } = roomWithTwoItems();
    expect(nextMove(room.state)).toMatchObject({ kind: "item", to: { itemId: first, phase: "diagnose" }, item: { title: "Pricing" } });
    room.run(ada, { type: "meeting.start", payload: {} });
    expect(numberedPhase(room.state)).toMatchObject({ itemNumber: 1, itemCount: 2, phaseNumber: 1, phaseCount: 2, phase: "diagnose" });
    expect(nextMove(room.state)).toEqual({ kind: "phase", to: { itemId: first, phase: "commit" } });
    room.advance(ada);
    expect(nextMove(room.state)).toMatchObject({ kind: "item", to: { itemId: second, phase: "options" }, item: { title: "Hiring" } });
    room.advance(ada);
    expect(numberedPhase(room.state)).toMatchObject({ itemNumber: 2, phaseNumber: 1, phaseCount: 1, phase: "options" });
    expect(nextMove(room.state)).toEqual({ kind: "finish" });
    room.advance(ada);
    expect(numberedPhase(room.state)).toBeNull();
    expect(nextMove(room.state)).toBeNull();
  });
});

describe("timelineOf", () => {
  it("marks finished items done, the running phase current and the rest upcoming, also after a step back", () => {
    const { room } = roomWithTwoItems();
    room.run(ada, { type: "meeting.start", payload: {} });
    room.advance(ada);
    const statuses = () => timelineOf(room.state).map((entry) => entry.phases.map((phase) => `${phase.phase}:${phase.status}`));
    expect(statuses()).toEqual([["diagnose:done", "commit:current"], ["options:upcoming"]]);
    room.advance(ada);
    expect(statuses()).toEqual([["diagnose:done", "commit:done"], ["options:current"]]);
    room.stepBack(ada);
    expect(statuses()).toEqual([["diagnose:done", "commit:current"], ["options:upcoming"]]);
    expect(timelineOf(room.state).map((entry) => entry.number)).toEqual([1, 2]);
  });
});

describe("roleHolders", () => {
  it("lists the item's roles in canonical order, leaving out roles nobody holds", () => {
    const { room, first } = roomWithTwoItems();
    room.run(bob, { type: "roles.optIn", payload: { roles: ["scribe", "timekeeper"] } });
    room.run(ada, { type: "roles.assign", payload: { itemId: first, role: "challenger", userId: "cy" } });
    room.run(ada, { type: "meeting.start", payload: {} });
    const holders = roleHolders(room.state, first);
    expect(holders.map((holder) => holder.role)).toEqual(["timekeeper", "scribe", "challenger"]);
    expect(holders.find((holder) => holder.role === "challenger")?.userId).toBe("cy");
    expect(holders.filter((holder) => holder.userId === "bob").map((holder) => holder.role)).toEqual(["timekeeper", "scribe"]);
  });
});
