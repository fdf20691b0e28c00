import { describe, expect, it } from "vitest";
import { Limits } from "../../protocol/limits.ts";
import { TestRoom, person } from "../testing/room.ts";
import { assumptionStatus, assumptionsForItem, preworkCompleteness } from "./selectors.ts";

const organizer = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");
const cy = person("cy");

function withAgenda(): { r: TestRoom; first: string; second: string } {
  const r = new TestRoom().join(organizer, ann, bo, cy);
  const first = r.addItem(organizer, "Pricing", ["diagnose", "options"]);
  const second = r.addItem(organizer, "Hiring", ["options", "commit"]);
  return { r, first, second };
}

function addAssumption(r: TestRoom, who = ann, itemId: string, statement = "Churn is flat"): string {
  const [event] = r.run(who, { type: "prework.addAssumption", payload: { itemId, statement, confidence: "medium" } });
  if (event?.type !== "prework.assumptionAdded") throw new Error("no assumption added");
  return event.payload.assumptionId;
}

describe("pre-work", () => {
  it("lets any participant add assumptions and links, kept in the order they were added", () => {
    const { r, first } = withAgenda();
    addAssumption(r, ann, first, "Churn is flat");
    r.run(bo, {
      type: "prework.addAssumption",
      payload: { itemId: first, statement: "Enterprise will pay more", evidence: "Q3 interviews", dataLink: "https://example.com/q3", confidence: "high" },
    });
    expect(assumptionsForItem(r.state, first).map((a) => [a.authorId, a.statement, a.dataLink])).toEqual([
      ["ann", "Churn is flat", null],
      ["bo", "Enterprise will pay more", "https://example.com/q3"],
    ]);
  });

  it("lets only the author change or remove an assumption — not another attendee, not even the organizer", () => {
    const { r, first } = withAgenda();
    const assumptionId = addAssumption(r, ann, first);
    for (const other of [bo, organizer]) {
      expect(r.attempt(other, { type: "prework.updateAssumption", payload: { assumptionId, statement: "Churn is rising" } })).toMatchObject({
        ok: false,
        rejection: { code: "forbidden" },
      });
      expect(r.attempt(other, { type: "prework.removeAssumption", payload: { assumptionId } })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    }
    r.run(ann, { type: "prework.updateAssumption", payload: { assumptionId, confidence: "low", dataLink: "https://example.com/x" } });
    r.run(ann, { type: "prework.updateAssumption", payload: { assumptionId, dataLink: null } });
    expect(r.state.prework.assumptions[assumptionId]).toMatchObject({ statement: "Churn is flat", confidence: "low", dataLink: null });
    r.run(ann, { type: "prework.removeAssumption", payload: { assumptionId } });
    expect(r.state.prework.assumptions).toEqual({});
  });

  it("lets only the author remove a data link", () => {
    const { r, first } = withAgenda();
    const [event] = r.run(bo, { type: "prework.addDataLink", payload: { itemId: first, url: "https://example.com/sheet", label: "Pipeline" } });
    const linkId = event?.type === "prework.dataLinkAdded" ? event.payload.linkId : "";
    expect(r.attempt(ann, { type: "prework.removeDataLink", payload: { linkId } })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(bo, { type: "prework.removeDataLink", payload: { linkId } });
    expect(r.state.prework.dataLinks).toEqual({});
  });

  it("reports who has contributed to which items (people who joined together listed by id)", () => {
    const { r, first, second } = withAgenda();
    addAssumption(r, ann, first);
    addAssumption(r, ann, second);
    r.run(bo, { type: "prework.addDataLink", payload: { itemId: second, url: "https://example.com/roles" } });
    const completeness = preworkCompleteness(r.state);
    expect(completeness.itemCount).toBe(2);
    expect(completeness.participants.map((p) => [p.userId, p.contributedItemIds, p.assumptionCount, p.dataLinkCount, p.hasCoveredEveryItem])).toEqual([
      ["ann", [first, second], 2, 0, true],
      ["bo", [second], 0, 1, false],
      ["cy", [], 0, 0, false],
      ["org", [], 0, 0, false],
    ]);
    expect(completeness.items).toEqual([
      { itemId: first, contributorIds: ["ann"] },
      { itemId: second, contributorIds: ["ann", "bo"] },
    ]);
  });

  it("caps assumptions per item", () => {
    const { r, first } = withAgenda();
    for (let n = 0; n < Limits.maxAssumptionsPerItem; n++) addAssumption(r, ann, first, `Assumption ${n}`);
    expect(r.attempt(bo, { type: "prework.addAssumption", payload: { itemId: first, statement: "One more", confidence: "low" } })).toMatchObject({
      ok: false,
      rejection: { code: "limitReached" },
    });
  });
});

describe("marking assumptions", () => {
  function inDiagnose() {
    const setup = withAgenda();
    const assumptionId = addAssumption(setup.r, ann, setup.first);
    return { ...setup, assumptionId };
  }

  it("records the verdict, the evidence, who marked it and when — during the item's diagnose phase", () => {
    const { r, assumptionId } = inDiagnose();
    r.run(organizer, { type: "meeting.start", payload: {} });
    r.wait(1_234).run(organizer, { type: "assumption.mark", payload: { assumptionId, status: "challenged", evidence: "Churn rose 2 points in Q3" } });
    const assumption = r.state.prework.assumptions[assumptionId]!;
    expect(assumptionStatus(assumption)).toBe("challenged");
    expect(assumption.outcome).toEqual({ status: "challenged", evidence: "Churn rose 2 points in Q3", markedBy: "org", markedAt: r.now });
  });

  it("is refused outside the diagnose phase of the assumption's item", () => {
    const { r, assumptionId } = inDiagnose();
    const mark = { type: "assumption.mark", payload: { assumptionId, status: "supported", evidence: "Q3 data" } } as const;
    expect(r.attempt(organizer, mark)).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    r.run(organizer, { type: "meeting.start", payload: {} });
    r.advance(organizer);
    expect(r.attempt(organizer, mark)).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
  });

  it("is open to a facilitator or the item's scribe, not to other attendees", () => {
    const { r, first, assumptionId } = inDiagnose();
    r.run(organizer, { type: "roles.assign", payload: { itemId: first, role: "scribe", userId: "cy" } });
    r.run(organizer, { type: "meeting.start", payload: {} });
    const mark = { type: "assumption.mark", payload: { assumptionId, status: "supported", evidence: "Q3 data" } } as const;
    expect(r.attempt(bo, mark)).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(cy, mark);
    expect(r.state.prework.assumptions[assumptionId]?.outcome?.markedBy).toBe("cy");
  });

  it("closes pre-work on a finished item", () => {
    const { r, first, assumptionId } = inDiagnose();
    r.run(organizer, { type: "meeting.start", payload: {} });
    r.advance(organizer);
    r.advance(organizer);
    expect(r.attempt(ann, { type: "prework.updateAssumption", payload: { assumptionId, statement: "Revised" } })).toMatchObject({
      ok: false,
      rejection: { code: "invalidState" },
    });
    expect(r.attempt(bo, { type: "prework.addAssumption", payload: { itemId: first, statement: "Late", confidence: "low" } })).toMatchObject({
      ok: false,
      rejection: { code: "invalidState" },
    });
  });
});
