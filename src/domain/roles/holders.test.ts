import { describe, expect, it } from "vitest";
import type { Command } from "../../protocol/commands.ts";
import { TestRoom, person } from "../testing/room.ts";
import { isFacilitator, powersOf } from "./holders.ts";

const organizer = person("org", "organizer");
const presenter = person("pres", "presenter");
const ann = person("ann");
const bo = person("bo");

/** A running meeting on an item whose facilitator is `facilitator` (or nobody). */
function running(facilitator: string | null): { r: TestRoom; itemId: string } {
  const r = new TestRoom().join(organizer, presenter, ann, bo);
  const itemId = r.addItem(organizer, "Pricing", ["diagnose", "options"]);
  if (facilitator !== null) r.run(organizer, { type: "roles.assign", payload: { itemId, role: "facilitator", userId: facilitator } });
  r.run(organizer, { type: "meeting.start", payload: {} });
  return { r, itemId };
}

describe("who facilitates", () => {
  it("is the organizer and presenters while the item has no facilitator", () => {
    const { r } = running(null);
    expect(["org", "pres", "ann", "bo"].map((userId) => isFacilitator(r.state, userId))).toEqual([true, true, false, false]);
  });

  it("is the organizer and the current item's facilitator once one is assigned, even an attendee", () => {
    const { r } = running("ann");
    expect(["org", "pres", "ann", "bo"].map((userId) => isFacilitator(r.state, userId))).toEqual([true, false, true, false]);
    expect(r.attempt(presenter, { type: "facilitation.advance", payload: r.expected() })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.advance(ann);
    r.run(bo, { type: "queue.raiseHand", payload: {} });
    r.run(ann, { type: "floor.grantNext", payload: {} });
    expect(r.state.floor?.userId).toBe("bo");
  });

  it("falls back to presenters when the assigned facilitator leaves", () => {
    const { r } = running("ann");
    r.run(ann, { type: "meeting.leave", payload: {} });
    expect(isFacilitator(r.state, "pres")).toBe(true);
    expect(isFacilitator(r.state, "ann")).toBe(false);
  });

  it("stops an attendee from advancing, closing debate or ending the meeting", () => {
    const { r, itemId } = running(null);
    const commands: Command[] = [
      { type: "facilitation.advance", payload: r.expected() },
      { type: "facilitation.stepBack", payload: r.expected() },
      { type: "debate.close", payload: { itemId } },
      { type: "meeting.end", payload: {} },
      { type: "agenda.updateItem", payload: { itemId, title: "Mine now" } },
    ];
    for (const command of commands) {
      expect(r.attempt(ann, command)).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    }
  });

  it("reports each person's powers the way decide enforces them", () => {
    const { r, itemId } = running("ann");
    r.run(organizer, { type: "roles.assign", payload: { itemId, role: "timekeeper", userId: "bo" } });
    expect(powersOf(r.state, "bo")).toEqual({
      canFacilitate: false,
      canKeepTime: true,
      canEditAgenda: false,
      canEditCharter: false,
      canAssignRoles: false,
      canMarkAssumptions: false,
    });
    expect(powersOf(r.state, "org")).toMatchObject({ canFacilitate: true, canEditCharter: true, canAssignRoles: true });
    expect(powersOf(r.state, "ann")).toMatchObject({ canFacilitate: true, canKeepTime: true, canEditAgenda: true, canEditCharter: false });
  });
});
