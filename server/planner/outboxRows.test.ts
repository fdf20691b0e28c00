import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../../src/protocol/events.ts";
import { decideServerCommand } from "../../src/domain/index.ts";
import { captureAs, commitmentRoom, organizer, report } from "../../src/domain/commitments/testing.ts";
import { parseOutboxForAppend } from "../store/storeInput.ts";
import { CommitmentSyncPayloadSchema, PLANNER_COMMITMENT_TOPIC, outboxRowsFor } from "./outboxRows.ts";

// A scheduled meeting's id as Teams gives it: its space is the meeting chat.
const meetingId = Buffer.from("0#19:meeting_series@thread.v2#1700000000000").toString("base64");
const key = { tenantId: "tenant-1", meetingId };

/** Decides and folds one step, returning the rows its events call for. */
function rowsOf(r: ReturnType<typeof commitmentRoom>["r"], step: () => DomainEvent[]) {
  const before = r.state;
  const events = step();
  return outboxRowsFor(key, before, events);
}

describe("outbox rows for commitments", () => {
  it("calls for one row per revision Planner must receive, carrying the commitment as it stood", () => {
    const { r, first } = commitmentRoom();
    let commitmentId = "";
    const captured = rowsOf(r, () => {
      const before = r.log.length;
      commitmentId = captureAs(r, organizer, { ownerIds: ["ann", "bo"], itemId: first, notes: "Two options" });
      return r.log.slice(before);
    });
    expect(captured).toEqual([
      {
        topic: PLANNER_COMMITMENT_TOPIC,
        subject: commitmentId,
        revision: 1,
        createdAt: r.now,
        payload: {
          meetingId,
          spaceId: "19:meeting_series@thread.v2",
          commitmentId,
          revision: 1,
          status: "open",
          title: "Draft the pricing memo",
          ownerIds: ["ann", "bo"],
          dueDate: "2026-03-31",
          notes: "Two options",
          itemId: first,
          itemTitle: "Pricing",
          createdBy: "org",
        },
      },
    ]);
    expect(CommitmentSyncPayloadSchema.parse(captured[0]!.payload)).toEqual(captured[0]!.payload);
    expect(parseOutboxForAppend(captured)).toHaveLength(1);

    const edited = rowsOf(r, () => r.run(organizer, { type: "commitment.edit", payload: { commitmentId, title: "Final memo" } }));
    expect(edited).toMatchObject([{ subject: commitmentId, revision: 2, payload: { revision: 2, title: "Final memo", ownerIds: ["ann", "bo"] } }]);

    const cancelled = rowsOf(r, () => r.run(organizer, { type: "commitment.cancel", payload: { commitmentId } }));
    expect(cancelled).toMatchObject([{ revision: 3, payload: { status: "cancelled", title: "Final memo" } }]);
  });

  it("calls for nothing on a no-op edit, on other events, or on what the worker reports", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    expect(rowsOf(r, () => r.run(organizer, { type: "commitment.edit", payload: { commitmentId, title: "Draft the pricing memo" } }))).toEqual([]);
    expect(rowsOf(r, () => r.run(organizer, { type: "meeting.start", payload: {} }))).toEqual([]);
    const reported = decideServerCommand(r.state, { type: "commitment.recordSyncFailed", commitmentId, revision: 1, reason: "Planner answered 503", isRetryable: false }, r.now);
    expect(reported.ok && outboxRowsFor(key, r.state, reported.events)).toEqual([]);
  });

  it("calls for the same revision again when someone retries a failed write", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r, organizer);
    report(r, { type: "commitment.recordSyncFailed", commitmentId, revision: 1, reason: "Forbidden", isRetryable: false });
    const retried = rowsOf(r, () => r.run(organizer, { type: "commitment.retrySync", payload: { commitmentId } }));
    expect(retried).toMatchObject([{ subject: commitmentId, revision: 1, payload: { revision: 1, status: "open" } }]);
  });
});
