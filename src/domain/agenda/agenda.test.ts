import { describe, expect, it } from "vitest";
import { Limits } from "../../protocol/limits.ts";
import { PHASES } from "../../protocol/vocabulary.ts";
import { TestRoom, person } from "../testing/room.ts";
import { agendaItems, plannedVsScheduled } from "./selectors.ts";
import { templateItems } from "./templates.ts";

const organizer = person("org", "organizer");
const presenter = person("pres", "presenter");
const ann = person("ann");
const bo = person("bo");

function room(): TestRoom {
  return new TestRoom().join(organizer, presenter, ann, bo);
}

const titles = (r: TestRoom) => agendaItems(r.state).map((item) => item.title);

describe("agenda building", () => {
  it("keeps phases in the canonical order whatever order they were chosen in", () => {
    const r = room();
    r.run(organizer, {
      type: "agenda.addItem",
      payload: { title: "Pricing", phases: [{ phase: "commit", minutes: 5 }, { phase: "diagnose", minutes: 15 }, { phase: "options", minutes: 10 }] },
    });
    expect(agendaItems(r.state)[0]?.phases.map((plan) => plan.phase)).toEqual(["diagnose", "options", "commit"]);
  });

  it("lets the organizer and presenters edit the agenda, but not attendees", () => {
    const r = room();
    r.addItem(organizer, "Pricing");
    r.addItem(presenter, "Hiring");
    expect(r.attempt(ann, { type: "agenda.addItem", payload: { title: "Mine", phases: [{ phase: "diagnose", minutes: 5 }] } })).toMatchObject({
      ok: false,
      rejection: { code: "forbidden" },
    });
    expect(titles(r)).toEqual(["Pricing", "Hiring"]);
  });

  it("updates only what changed, and sets an owner only to someone in the meeting", () => {
    const r = room();
    const itemId = r.addItem(organizer, "Pricing");
    const events = r.run(organizer, { type: "agenda.updateItem", payload: { itemId, title: "Pricing", goal: "Pick a model", ownerId: "ann" } });
    expect(events[0]).toMatchObject({ type: "agenda.itemUpdated", payload: { changes: { goal: "Pick a model", ownerId: "ann" } } });
    expect(events[0]?.type === "agenda.itemUpdated" && "title" in events[0].payload.changes).toBe(false);
    expect(r.attempt(organizer, { type: "agenda.updateItem", payload: { itemId, ownerId: "stranger" } })).toMatchObject({
      ok: false,
      rejection: { code: "unknownParticipant" },
    });
    expect(r.attempt(organizer, { type: "agenda.updateItem", payload: { itemId, goal: "Pick a model" } })).toEqual({ ok: true, events: [] });
  });

  it("reorders items and refuses positions outside the agenda", () => {
    const r = room();
    const [a, b, c] = ["A", "B", "C"].map((title) => r.addItem(organizer, title));
    r.run(organizer, { type: "agenda.moveItem", payload: { itemId: c!, toIndex: 0 } });
    expect(titles(r)).toEqual(["C", "A", "B"]);
    r.run(organizer, { type: "agenda.moveItem", payload: { itemId: c!, toIndex: 2 } });
    expect(titles(r)).toEqual(["A", "B", "C"]);
    expect(r.attempt(organizer, { type: "agenda.moveItem", payload: { itemId: a!, toIndex: 3 } })).toMatchObject({
      ok: false,
      rejection: { code: "invalidInput" },
    });
    expect(r.attempt(organizer, { type: "agenda.moveItem", payload: { itemId: b!, toIndex: 1 } })).toEqual({ ok: true, events: [] });
  });

  it("removes an item with its pre-work and unlinks parked points about it", () => {
    const r = room();
    const itemId = r.addItem(organizer, "Pricing");
    r.run(ann, { type: "prework.addAssumption", payload: { itemId, statement: "Churn is flat", confidence: "low" } });
    r.run(ann, { type: "prework.addDataLink", payload: { itemId, url: "https://example.com/churn" } });
    r.run(bo, { type: "parkingLot.add", payload: { text: "Brand refresh", itemId } });
    r.run(organizer, { type: "agenda.removeItem", payload: { itemId } });
    expect(r.state.agenda.order).toEqual([]);
    expect(r.state.prework).toEqual({ assumptions: {}, dataLinks: {} });
    expect(Object.values(r.state.parkingLot)[0]).toMatchObject({ text: "Brand refresh", itemId: null });
  });

  it("holds at most the agenda's limit of items", () => {
    const r = room();
    for (let n = 0; n < Limits.maxAgendaItems; n++) r.addItem(organizer, `Item ${n}`, ["commit"], 1);
    expect(r.attempt(organizer, { type: "agenda.addItem", payload: { title: "One more", phases: [{ phase: "commit", minutes: 1 }] } })).toMatchObject({
      ok: false,
      rejection: { code: "limitReached" },
    });
  });
});

describe("templates", () => {
  it("gives every strategic-offsite item all four phases and every quarterly item a subset", () => {
    for (const item of templateItems("strategicOffsite")) expect(item.phases.map((plan) => plan.phase)).toEqual([...PHASES]);
    for (const item of templateItems("quarterlyPriorities")) {
      expect(item.phases.length).toBeGreaterThan(0);
      expect(item.phases.length).toBeLessThan(PHASES.length);
      expect(item.phases.map((plan) => plan.phase)).toEqual(PHASES.filter((phase) => item.phases.some((plan) => plan.phase === phase)));
    }
    expect(templateItems("blank")).toEqual([]);
  });

  it("titles items with numbered prompts, never invented content", () => {
    expect(templateItems("quarterlyPriorities").map((item) => item.title)).toEqual(["Priority 1", "Priority 2", "Priority 3"]);
    expect(templateItems("strategicOffsite").map((item) => item.title)).toEqual(["Strategic question 1", "Strategic question 2", "Strategic question 3"]);
  });

  it("appends after existing items and never replaces them; blank adds nothing but records the choice", () => {
    const r = room();
    r.addItem(organizer, "Budget");
    r.run(organizer, { type: "agenda.applyTemplate", payload: { template: "quarterlyPriorities" } });
    expect(titles(r)).toEqual(["Budget", "Priority 1", "Priority 2", "Priority 3"]);
    r.run(organizer, { type: "agenda.applyTemplate", payload: { template: "blank" } });
    expect(titles(r)).toHaveLength(4);
    expect(r.state.agenda.lastTemplate).toBe("blank");
    expect(new Set(r.state.agenda.order).size).toBe(4);
  });

  it("refuses a template that would overflow the agenda, adding none of it", () => {
    const r = room();
    for (let n = 0; n < Limits.maxAgendaItems - 2; n++) r.addItem(organizer, `Item ${n}`, ["commit"], 1);
    expect(r.attempt(organizer, { type: "agenda.applyTemplate", payload: { template: "strategicOffsite" } })).toMatchObject({
      ok: false,
      rejection: { code: "limitReached", message: expect.stringContaining("room for 2 more") },
    });
  });
});

describe("planned against scheduled time", () => {
  it("sums the timeboxes and compares them with the scheduled length", () => {
    const r = room();
    r.run(organizer, { type: "agenda.applyTemplate", payload: { template: "strategicOffsite" } });
    expect(plannedVsScheduled(r.state)).toEqual({ plannedMinutes: 270, scheduledMinutes: null, overByMinutes: null, isOverScheduled: false });
    r.run(organizer, { type: "agenda.setScheduledMinutes", payload: { minutes: 240 } });
    expect(plannedVsScheduled(r.state)).toEqual({ plannedMinutes: 270, scheduledMinutes: 240, overByMinutes: 30, isOverScheduled: true });
    r.run(organizer, { type: "agenda.removeItem", payload: { itemId: r.state.agenda.order[2]! } });
    expect(plannedVsScheduled(r.state)).toMatchObject({ plannedMinutes: 180, overByMinutes: -60, isOverScheduled: false });
  });
});

describe("editing during the meeting", () => {
  function running(): { r: TestRoom; first: string; second: string } {
    const r = room();
    const first = r.addItem(organizer, "First", ["diagnose", "options", "commit"]);
    const second = r.addItem(organizer, "Second");
    r.run(organizer, { type: "meeting.start", payload: {} });
    return { r, first, second };
  }

  it("refuses to edit, move or remove a finished item", () => {
    const { r, first } = running();
    for (let n = 0; n < 3; n++) r.advance(organizer);
    expect(r.state.agenda.items[first]?.status).toBe("done");
    expect(r.attempt(organizer, { type: "agenda.updateItem", payload: { itemId: first, title: "Rewritten" } })).toMatchObject({
      ok: false,
      rejection: { code: "invalidState" },
    });
    expect(r.attempt(organizer, { type: "agenda.removeItem", payload: { itemId: first } })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    expect(r.attempt(organizer, { type: "agenda.moveItem", payload: { itemId: first, toIndex: 1 } })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
  });

  it("keeps the active item's walked phases and running timebox, but lets later phases change", () => {
    const { r, first } = running();
    r.advance(organizer);
    const change = (phases: [string, number][]) =>
      r.attempt(organizer, {
        type: "agenda.updateItem",
        payload: { itemId: first, phases: phases.map(([phase, minutes]) => ({ phase: phase as "diagnose", minutes })) },
      });
    expect(change([["diagnose", 10], ["options", 25], ["commit", 10]])).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    expect(change([["options", 10], ["commit", 10]])).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    expect(change([["diagnose", 10], ["options", 10], ["tradeoffs", 20], ["commit", 5]])).toMatchObject({ ok: true });
  });

  it("lets items still to come be reordered only after the active one", () => {
    const { r, second } = running();
    const third = r.addItem(organizer, "Third");
    expect(r.attempt(organizer, { type: "agenda.moveItem", payload: { itemId: third, toIndex: 0 } })).toMatchObject({
      ok: false,
      rejection: { code: "invalidState" },
    });
    r.run(organizer, { type: "agenda.moveItem", payload: { itemId: third, toIndex: 1 } });
    expect(r.state.agenda.order.slice(1)).toEqual([third, second]);
  });

  it("freezes the agenda once the meeting has ended", () => {
    const { r } = running();
    r.run(organizer, { type: "meeting.end", payload: {} });
    expect(r.attempt(organizer, { type: "agenda.addItem", payload: { title: "Late", phases: [{ phase: "commit", minutes: 5 }] } })).toMatchObject({
      ok: false,
      rejection: { code: "invalidState" },
    });
  });
});
