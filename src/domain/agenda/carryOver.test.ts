import { describe, expect, it } from "vitest";
import { Limits } from "../../protocol/limits.ts";
import { applyEvent } from "../meeting/apply.ts";
import { decide } from "../meeting/decide.ts";
import { agendaItems } from "./selectors.ts";
import { person, TestRoom } from "../testing/room.ts";
import { carryOverOffer } from "./carryOver.ts";
import { templateItems } from "./templates.ts";

const olive = person("olive", "organizer");
const casey = person("casey");

/** A meeting that ran its first item, parked two points (promoting one) and ended. */
function endedRoom(parkedText = "Revisit pricing"): TestRoom {
  const room = new TestRoom("earlier").join(olive, casey);
  room.addItem(olive, "Done item", ["diagnose"]);
  const open = room.addItem(olive, "Open item", ["diagnose", "commit"], 15);
  room.run(olive, { type: "agenda.updateItem", payload: { itemId: open, goal: "Decide the markets", ownerId: casey.userId } });
  room.run(olive, { type: "meeting.start", payload: {} });
  room.run(casey, { type: "parkingLot.add", payload: { text: parkedText } });
  room.run(casey, { type: "parkingLot.add", payload: { text: "Not promoted" } });
  const [promoted] = Object.values(room.state.parkingLot).filter((entry) => entry.text === parkedText);
  room.run(olive, { type: "parkingLot.promote", payload: { entryId: promoted!.entryId } });
  room.advance(olive);
  room.run(olive, { type: "meeting.end", payload: {} });
  return room;
}

describe("carry-over offer", () => {
  it("lists unfinished items with their goal, owner and phases, then promoted parked points", () => {
    const offer = carryOverOffer("earlier", endedRoom().state);
    expect(offer).toMatchObject({ sourceMeetingId: "earlier" });
    expect(offer?.items).toEqual([
      { title: "Open item", goal: "Decide the markets", ownerId: "casey", phases: [{ phase: "diagnose", minutes: 15 }, { phase: "commit", minutes: 15 }], reason: "unfinished" },
      { title: "Revisit pricing", goal: "", ownerId: null, phases: [{ phase: "diagnose", minutes: 10 }, { phase: "commit", minutes: 5 }], reason: "parked" },
    ]);
  });

  it("shortens a long parked point to a title and keeps all of it in the goal", () => {
    const text = "x".repeat(Limits.maxParkingLotTextLength);
    const parked = carryOverOffer("earlier", endedRoom(text).state)?.items.at(-1);
    expect(parked?.title).toHaveLength(Limits.maxTitleLength);
    expect(parked?.title.endsWith("…")).toBe(true);
    expect(parked?.goal).toBe(text);
  });

  it("offers nothing from a meeting still running", () => {
    const room = new TestRoom("running").join(olive);
    room.addItem(olive, "Open item");
    room.run(olive, { type: "meeting.start", payload: {} });
    expect(carryOverOffer("running", room.state)).toBeNull();
  });
});

describe("agenda.carryOver", () => {
  const offer = carryOverOffer("earlier", endedRoom().state);

  it("appends the offered items, keeps owners who joined this meeting and records where they came from", () => {
    const room = new TestRoom("next").join(olive, casey);
    room.addItem(olive, "Already planned");
    const decision = decide(room.state, { type: "agenda.carryOver", payload: { sourceMeetingId: "earlier" } }, { now: room.now, actor: olive, carryOverOffer: offer });
    if (!decision.ok) throw new Error(decision.rejection.message);
    const state = decision.events.reduce(applyEvent, room.state);
    const items = agendaItems(state);
    expect(items.map((item) => [item.title, item.ownerId, item.carriedFrom?.reason ?? null])).toEqual([
      ["Already planned", null, null],
      ["Open item", "casey", "unfinished"],
      ["Revisit pricing", null, "parked"],
    ]);
    expect(items[1]?.carriedFrom).toEqual({ meetingId: "earlier", endedAt: offer!.sourceEndedAt, reason: "unfinished" });
    expect(state.agenda.carriedOverFrom).toEqual(["earlier"]);
    const again = decide(state, { type: "agenda.carryOver", payload: { sourceMeetingId: "earlier" } }, { now: room.now, actor: olive, carryOverOffer: offer });
    expect(again).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
  });

  it("drops an owner who has not joined this meeting", () => {
    const room = new TestRoom("next").join(olive);
    const context = { now: room.now, actor: olive, carryOverOffer: offer };
    const decision = decide(room.state, { type: "agenda.carryOver", payload: { sourceMeetingId: "earlier" } }, context);
    if (!decision.ok) throw new Error(decision.rejection.message);
    const [event] = decision.events;
    if (event?.type !== "agenda.itemsCarriedOver") throw new Error("expected items to be carried over");
    expect(event.payload.items.map((item) => [item.title, item.ownerId])).toEqual([
      ["Open item", null],
      ["Revisit pricing", null],
    ]);
  });

  it("is refused when the server found nothing, when the offer changed, for attendees, and when the agenda is full", () => {
    const room = new TestRoom("next").join(olive, casey);
    const carry = { type: "agenda.carryOver", payload: { sourceMeetingId: "earlier" } } as const;
    expect(decide(room.state, carry, { now: room.now, actor: olive, carryOverOffer: null })).toMatchObject({ ok: false, rejection: { code: "notFound" } });
    expect(decide(room.state, { ...carry, payload: { sourceMeetingId: "older" } }, { now: room.now, actor: olive, carryOverOffer: offer })).toMatchObject({
      ok: false,
      rejection: { code: "stale" },
    });
    expect(decide(room.state, carry, { now: room.now, actor: casey, carryOverOffer: offer })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    for (let n = 0; n < Limits.maxAgendaItems - 1; n++) room.addItem(olive, `Item ${n}`);
    expect(decide(room.state, carry, { now: room.now, actor: olive, carryOverOffer: offer })).toMatchObject({ ok: false, rejection: { code: "limitReached" } });
  });
});

describe("template titles", () => {
  it("come in the language asked for", () => {
    expect(templateItems("strategicOffsite", "fr").map((item) => item.title)).toEqual(["Question stratégique 1", "Question stratégique 2", "Question stratégique 3"]);
    expect(templateItems("quarterlyPriorities", "fr")[0]?.title).toBe("Priorité 1");
    expect(templateItems("quarterlyPriorities")[0]?.title).toBe("Priority 1");
  });
});
