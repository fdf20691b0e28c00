import { describe, expect, it } from "vitest";
import { Limits } from "../../protocol/limits.ts";
import { TestRoom, person } from "../testing/room.ts";
import { parkingLotEntries } from "./parkingLot.ts";

const organizer = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");
const sam = person("sam");

function running(): { r: TestRoom; first: string; second: string } {
  const r = new TestRoom().join(organizer, ann, bo, sam);
  const first = r.addItem(organizer, "Pricing", ["diagnose", "commit"]);
  const second = r.addItem(organizer, "Hiring", ["options"]);
  r.run(organizer, { type: "roles.assign", payload: { itemId: first, role: "scribe", userId: "sam" } });
  r.run(organizer, { type: "meeting.start", payload: {} });
  return { r, first, second };
}

describe("debate, then decision", () => {
  it("moves the active item to decision only when the facilitator closes debate, and back when reopened", () => {
    const { r, first } = running();
    expect(r.state.agenda.items[first]?.mode).toBe("debating");
    r.run(organizer, { type: "debate.close", payload: { itemId: first } });
    expect(r.state.agenda.items[first]?.mode).toBe("decision");
    expect(r.attempt(organizer, { type: "debate.close", payload: { itemId: first } })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    r.run(organizer, { type: "debate.reopen", payload: { itemId: first } });
    expect(r.state.agenda.items[first]?.mode).toBe("debating");
  });

  it("only applies to the item the room is on", () => {
    const { r, second } = running();
    expect(r.attempt(organizer, { type: "debate.close", payload: { itemId: second } })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    expect(r.attempt(organizer, { type: "debate.close", payload: { itemId: "i404" } })).toMatchObject({ ok: false, rejection: { code: "notFound" } });
  });
});

describe("notes", () => {
  it("are written by the item's scribe or a facilitator, not by other attendees", () => {
    const { r, first, second } = running();
    r.run(sam, { type: "item.setNotes", payload: { itemId: first, notes: "Agreed to test churn." } });
    expect(r.state.agenda.items[first]?.notes).toBe("Agreed to test churn.");
    expect(r.attempt(ann, { type: "item.setNotes", payload: { itemId: first, notes: "Mine" } })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    expect(r.attempt(sam, { type: "item.setNotes", payload: { itemId: second, notes: "Not my item" } })).toMatchObject({
      ok: false,
      rejection: { code: "forbidden" },
    });
    r.run(organizer, { type: "item.setNotes", payload: { itemId: second, notes: "Prep" } });
  });
});

describe("parking lot", () => {
  it("takes points from anyone, in order, optionally tied to an item", () => {
    const { r, first } = running();
    r.run(ann, { type: "parkingLot.add", payload: { text: "Brand refresh", itemId: first } });
    r.run(bo, { type: "parkingLot.add", payload: { text: "Office move" } });
    expect(parkingLotEntries(r.state).map((entry) => [entry.text, entry.itemId, entry.authorId])).toEqual([
      ["Brand refresh", first, "ann"],
      ["Office move", null, "bo"],
    ]);
  });

  it("lets the author or a facilitator remove a point, and only a facilitator promote one", () => {
    const { r } = running();
    r.run(ann, { type: "parkingLot.add", payload: { text: "Brand refresh" } });
    const entryId = parkingLotEntries(r.state)[0]!.entryId;
    expect(r.attempt(bo, { type: "parkingLot.remove", payload: { entryId } })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    expect(r.attempt(ann, { type: "parkingLot.promote", payload: { entryId } })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(organizer, { type: "parkingLot.promote", payload: { entryId } });
    expect(parkingLotEntries(r.state)[0]?.promotion).toEqual({ promotedBy: "org", promotedAt: r.now });
    expect(r.attempt(organizer, { type: "parkingLot.promote", payload: { entryId } })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    r.run(ann, { type: "parkingLot.remove", payload: { entryId } });
    expect(parkingLotEntries(r.state)).toEqual([]);
  });

  it("holds a bounded number of points", () => {
    const { r } = running();
    for (let n = 0; n < Limits.maxParkingLotEntries; n++) r.run(ann, { type: "parkingLot.add", payload: { text: `Point ${n}` } });
    expect(r.attempt(bo, { type: "parkingLot.add", payload: { text: "One more" } })).toMatchObject({ ok: false, rejection: { code: "limitReached" } });
  });
});
