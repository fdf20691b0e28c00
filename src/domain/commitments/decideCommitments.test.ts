import { describe, expect, it } from "vitest";
import { Limits } from "../../protocol/limits.ts";
import type { TestRoom } from "../testing/room.ts";
import { ann, bo, capture, captureAs, commitmentRoom, cy, organizer, report } from "./testing.ts";
import { commitmentOf, commitmentsForItem, commitmentsOwnedBy } from "./selectors.ts";

/** Starts the meeting and walks to the first item's commit phase. */
function inCommitPhase(r: TestRoom): void {
  r.run(organizer, { type: "meeting.start", payload: {} });
  r.advance(organizer);
  expect(r.state.facilitation.current?.phase).toBe("commit");
}

const refused = (code: string, message?: RegExp) => ({ ok: false, rejection: message ? { code, message: expect.stringMatching(message) } : { code } });

describe("who captures commitments", () => {
  it("lets a facilitator capture one at any time, with owners, due date, notes and its agenda item", () => {
    const { r, first } = commitmentRoom();
    const commitmentId = captureAs(r, organizer, { title: "  Draft the pricing memo ", ownerIds: ["ann", "bo"], notes: "Two options", itemId: first });
    expect(commitmentOf(r.state, commitmentId)).toMatchObject({
      title: "Draft the pricing memo",
      ownerIds: ["ann", "bo"],
      dueDate: "2026-03-31",
      notes: "Two options",
      itemId: first,
      createdBy: "org",
      status: "open",
      revision: 1,
      sync: { state: "pending", syncedRevision: 0, taskId: null, taskUrl: null, failure: null },
      progress: null,
    });
    expect(commitmentsForItem(r.state, first).map((c) => c.commitmentId)).toEqual([commitmentId]);
    expect(commitmentsOwnedBy(r.state, "bo").map((c) => c.commitmentId)).toEqual([commitmentId]);
    expect(commitmentsOwnedBy(r.state, "cy")).toEqual([]);
  });

  it("lets the current item's scribe capture, and another item's scribe only for their own item", () => {
    const { r, first, second } = commitmentRoom();
    r.run(organizer, { type: "meeting.start", payload: {} });
    captureAs(r, cy);
    expect(r.attempt(bo, capture())).toMatchObject(refused("forbidden"));
    captureAs(r, bo, { itemId: second });
    expect(r.attempt(bo, capture({ itemId: first }))).toMatchObject(refused("forbidden"));
  });

  it("refuses an attendee outside the commit phase, even as an owner", () => {
    const { r } = commitmentRoom();
    r.run(organizer, { type: "meeting.start", payload: {} });
    expect(r.attempt(ann, capture({ ownerIds: ["ann"] }))).toMatchObject(refused("forbidden", /outside the commit phase/));
  });

  it("lets any participant capture one they own during the commit phase, but not one for others alone", () => {
    const { r } = commitmentRoom();
    inCommitPhase(r);
    const mine = captureAs(r, ann, { ownerIds: ["bo", "ann"] });
    expect(commitmentOf(r.state, mine)?.createdBy).toBe("ann");
    expect(r.attempt(ann, capture({ ownerIds: ["bo"] }))).toMatchObject(refused("forbidden", /you are an owner of/));
  });

  it("still lets a facilitator tidy commitments after the meeting ended, but no longer an attendee", () => {
    const { r } = commitmentRoom();
    inCommitPhase(r);
    r.run(organizer, { type: "meeting.end", payload: {} });
    expect(r.attempt(ann, capture({ ownerIds: ["ann"] }))).toMatchObject(refused("forbidden"));
    const afterwards = captureAs(r, organizer, { ownerIds: ["ann"] });
    r.run(organizer, { type: "commitment.edit", payload: { commitmentId: afterwards, title: "Pricing memo v2" } });
    expect(commitmentOf(r.state, afterwards)).toMatchObject({ title: "Pricing memo v2", revision: 2 });
  });
});

describe("what a commitment must be", () => {
  it("names owners who have not joined the meeting", () => {
    const { r } = commitmentRoom();
    expect(r.attempt(organizer, capture({ ownerIds: ["ann", "zed", "yan"] }))).toMatchObject(refused("unknownParticipant", /^ownerIds: zed, yan have not joined/));
    expect(r.attempt(organizer, capture({ ownerIds: ["zed"] }))).toMatchObject(refused("unknownParticipant", /^ownerIds: zed has not joined/));
  });

  it("counts someone who joined and left as a participant", () => {
    const { r } = commitmentRoom();
    r.run(bo, { type: "meeting.leave", payload: {} });
    captureAs(r, organizer, { ownerIds: ["bo"] });
  });

  it("needs at least one owner, each once, and no more than Planner assigns", () => {
    const { r } = commitmentRoom();
    expect(r.attempt(organizer, capture({ ownerIds: [] }))).toMatchObject(refused("invalidInput", /^ownerIds: name at least one owner/));
    expect(r.attempt(organizer, capture({ ownerIds: ["ann", "bo", "ann"] }))).toMatchObject(refused("invalidInput", /^ownerIds: ann is named twice/));
    const many = Array.from({ length: Limits.maxCommitmentOwners + 1 }, (_, index) => `p${index}`);
    expect(r.attempt(organizer, capture({ ownerIds: many }))).toMatchObject(refused("invalidInput", /^ownerIds: names 21 owners/));
  });

  it("needs a real date, today (UTC) or later", () => {
    const { r } = commitmentRoom();
    for (const dueDate of ["31/03/2026", "2026-02-29", "2026-3-31", "tomorrow", ""]) {
      expect(r.attempt(organizer, capture({ dueDate }))).toMatchObject(refused("invalidInput", /^dueDate .* is not a date written YYYY-MM-DD/));
    }
    expect(r.attempt(organizer, capture({ dueDate: "2026-03-09" }))).toMatchObject(refused("invalidInput", /^dueDate 2026-03-09 is in the past; choose 2026-03-10/));
    captureAs(r, organizer, { dueDate: "2026-03-10" });
  });

  it("judges the past by the UTC day: one millisecond before midnight UTC, today is still allowed", () => {
    const { r } = commitmentRoom();
    r.now = Date.UTC(2026, 2, 10, 23, 59, 59, 999);
    captureAs(r, organizer, { dueDate: "2026-03-10" });
    r.now += 1;
    expect(r.attempt(organizer, capture({ dueDate: "2026-03-10" }))).toMatchObject(refused("invalidInput", /in the past/));
  });

  it("needs a title within Planner's limit, and notes within theirs", () => {
    const { r } = commitmentRoom();
    expect(r.attempt(organizer, capture({ title: "   " }))).toMatchObject(refused("invalidInput", /^title: a commitment needs a title/));
    expect(r.attempt(organizer, capture({ title: "x".repeat(Limits.maxCommitmentTitleLength + 1) }))).toMatchObject(refused("invalidInput", /^title: is 256 characters/));
    captureAs(r, organizer, { title: "x".repeat(Limits.maxCommitmentTitleLength) });
    expect(r.attempt(organizer, capture({ notes: "n".repeat(Limits.maxCommitmentNotesLength + 1) }))).toMatchObject(refused("invalidInput", /^notes: /));
  });

  it("refuses an agenda item that does not exist", () => {
    const { r } = commitmentRoom();
    expect(r.attempt(organizer, capture({ itemId: "i404" }))).toMatchObject(refused("notFound", /^itemId: there is no agenda item i404/));
  });

  it("holds a bounded number of commitments per meeting", () => {
    const { r } = commitmentRoom();
    for (let n = 0; n < Limits.maxCommitmentsPerMeeting; n++) captureAs(r, organizer, { title: `Action ${n}` });
    expect(r.attempt(organizer, capture())).toMatchObject(refused("limitReached"));
  });
});

describe("editing and cancelling", () => {
  it("lets whoever captured it edit it, besides facilitators and scribes, and no other attendee", () => {
    const { r, first } = commitmentRoom();
    inCommitPhase(r);
    const commitmentId = captureAs(r, ann, { ownerIds: ["ann"], itemId: first });
    expect(r.attempt(bo, { type: "commitment.edit", payload: { commitmentId, title: "Mine now" } })).toMatchObject(refused("forbidden"));
    r.run(ann, { type: "commitment.edit", payload: { commitmentId, dueDate: "2026-04-15", notes: "After the board" } });
    r.run(cy, { type: "commitment.edit", payload: { commitmentId, ownerIds: ["ann", "bo"] } });
    r.run(organizer, { type: "commitment.edit", payload: { commitmentId, itemId: null } });
    expect(commitmentOf(r.state, commitmentId)).toMatchObject({ dueDate: "2026-04-15", notes: "After the board", ownerIds: ["ann", "bo"], itemId: null, revision: 4 });
  });

  it("raises the revision only when something changes, and sends only the changed fields", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r, organizer, { ownerIds: ["ann", "bo"] });
    const unchanged = r.run(organizer, { type: "commitment.edit", payload: { commitmentId, title: "Draft the pricing memo", ownerIds: ["bo", "ann"] } });
    expect(unchanged).toEqual([]);
    const [edited] = r.run(organizer, { type: "commitment.edit", payload: { commitmentId, title: "Final pricing memo", ownerIds: ["bo", "ann"] } });
    expect(edited).toMatchObject({ type: "commitment.edited", payload: { changes: { title: "Final pricing memo" }, revision: 2, editedBy: "org" } });
    expect(Object.keys(edited?.type === "commitment.edited" ? edited.payload.changes : {})).toEqual(["title"]);
  });

  it("checks edited fields as strictly as captured ones", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r, organizer);
    const edit = (fields: object) => r.attempt(organizer, { type: "commitment.edit", payload: { commitmentId, ...fields } });
    expect(edit({ ownerIds: ["ann", "ghost"] })).toMatchObject(refused("unknownParticipant", /ghost/));
    expect(edit({ ownerIds: [] })).toMatchObject(refused("invalidInput", /^ownerIds/));
    expect(edit({ dueDate: "2026-03-01" })).toMatchObject(refused("invalidInput", /^dueDate 2026-03-01 is in the past/));
    expect(edit({ title: "" })).toMatchObject(refused("invalidInput", /^title/));
    expect(edit({ itemId: "i404" })).toMatchObject(refused("notFound", /^itemId/));
    expect(commitmentOf(r.state, commitmentId)?.revision).toBe(1);
  });

  it("keeps an overdue commitment editable: its unchanged due date is not bad input", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r, organizer, { dueDate: "2026-03-12" });
    r.wait(10 * 86_400_000);
    r.run(organizer, { type: "commitment.edit", payload: { commitmentId, dueDate: "2026-03-12", title: "Late memo" } });
    expect(commitmentOf(r.state, commitmentId)).toMatchObject({ title: "Late memo", dueDate: "2026-03-12" });
  });

  it("cancels with a new revision, and then refuses edits and a second cancel", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r, organizer);
    expect(r.attempt(ann, { type: "commitment.cancel", payload: { commitmentId } })).toMatchObject(refused("forbidden"));
    r.run(organizer, { type: "commitment.cancel", payload: { commitmentId } });
    expect(commitmentOf(r.state, commitmentId)).toMatchObject({
      status: "cancelled",
      cancellation: { source: "concord", by: "org", at: r.now },
      revision: 2,
      sync: { state: "pending" },
    });
    expect(r.attempt(organizer, { type: "commitment.edit", payload: { commitmentId, title: "Revived" } })).toMatchObject(refused("invalidState", /cancelled/));
    expect(r.attempt(organizer, { type: "commitment.cancel", payload: { commitmentId } })).toMatchObject(refused("invalidState"));
  });

  it("names a commitment that does not exist", () => {
    const { r } = commitmentRoom();
    expect(r.attempt(organizer, { type: "commitment.edit", payload: { commitmentId: "c404", title: "x" } })).toMatchObject(refused("notFound", /^commitmentId/));
    expect(r.attempt(organizer, { type: "commitment.cancel", payload: { commitmentId: "c404" } })).toMatchObject(refused("notFound"));
    expect(r.attempt(organizer, { type: "commitment.retrySync", payload: { commitmentId: "c404" } })).toMatchObject(refused("notFound"));
  });
});

describe("retrying a failed Planner write", () => {
  it("is for a failed commitment only, by an owner, a facilitator or a scribe", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r, organizer, { ownerIds: ["ann"] });
    expect(r.attempt(ann, { type: "commitment.retrySync", payload: { commitmentId } })).toMatchObject(refused("invalidState", /this one is pending/));
    report(r, { type: "commitment.recordSyncFailed", commitmentId, revision: 1, reason: "The plan is read-only", isRetryable: false });
    expect(r.attempt(bo, { type: "commitment.retrySync", payload: { commitmentId } })).toMatchObject(refused("forbidden"));
    const [event] = r.run(ann, { type: "commitment.retrySync", payload: { commitmentId } });
    expect(event).toMatchObject({ type: "commitment.syncRetryRequested", payload: { commitmentId, revision: 1, requestedBy: "ann" } });
    expect(commitmentOf(r.state, commitmentId)?.sync).toMatchObject({ state: "pending", failure: null });
  });
});

describe("a commitment whose agenda item is removed", () => {
  it("stays, without an item", () => {
    const { r, second } = commitmentRoom();
    const commitmentId = captureAs(r, organizer, { itemId: second });
    r.run(organizer, { type: "agenda.removeItem", payload: { itemId: second } });
    expect(commitmentOf(r.state, commitmentId)).toMatchObject({ itemId: null, status: "open", title: "Draft the pricing memo" });
    expect(commitmentsForItem(r.state, second)).toEqual([]);
  });
});
