import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Command } from "../../protocol/commands.ts";
import { DomainEventSchema } from "../../protocol/events.ts";
import { MeetingStateSchema } from "../../protocol/snapshot.ts";
import { applyEvent, replay } from "../meeting/apply.ts";
import { decide, decideServerCommand } from "../meeting/decide.ts";
import { emptyMeeting, type MeetingState } from "../meeting/state.ts";
import { person } from "../testing/room.ts";
import { allCommitments } from "./selectors.ts";
import { commitmentRoom } from "./testing.ts";
import type { CommitmentSystemCommand } from "./system.ts";

const people = [person("org", "organizer"), person("ann"), person("bo"), person("cy")];
const ownerPool = ["ann", "bo", "cy", "org", "zed"];
const dates = ["2026-03-09", "2026-03-10", "2026-04-01", "2026-02-30"];
const laterDates = ["2026-05-01", "2026-06-01", "2026-07-01"];

const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("capture" as const), by: fc.nat(3), owners: fc.subarray(ownerPool), due: fc.constantFrom(...dates), onItem: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("edit" as const), by: fc.nat(3), pick: fc.nat(), title: fc.option(fc.constantFrom("A", "B", "C"), { nil: undefined }), owners: fc.option(fc.subarray(ownerPool.slice(0, 4), { minLength: 1 }), { nil: undefined }), due: fc.option(fc.constantFrom(...laterDates), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("cancel" as const, "retry" as const), by: fc.nat(3), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({
    kind: fc.constantFrom("started" as const, "succeeded" as const, "failed" as const, "progress" as const, "deleted" as const),
    pick: fc.nat(),
    // how far behind the commitment's revision the report is; -1 names one that does not exist yet
    behind: fc.constantFrom(-1, 0, 0, 0, 1, 2),
    task: fc.constantFrom("t1", "t2", null),
    percent: fc.constantFrom(0, 50, 100),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("advance" as const, "end" as const, "wait" as const) }) },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function commandFor(state: MeetingState, s: Step, itemId: string): { actor: (typeof people)[number]; command: Command } | { system: CommitmentSystemCommand } | null {
  const ids = allCommitments(state).map((c) => c.commitmentId);
  const picked = "pick" in s && ids.length > 0 ? ids[s.pick % ids.length]! : "c404";
  const revision = "behind" in s ? Math.max(1, (state.commitments[picked]?.revision ?? 1) - s.behind) : 1;
  switch (s.kind) {
    case "capture":
      return { actor: people[s.by]!, command: { type: "commitment.capture", payload: { title: "Act", ownerIds: s.owners, dueDate: s.due, ...(s.onItem ? { itemId } : {}) } } };
    case "edit": {
      const payload = { commitmentId: picked, ...(s.title !== undefined ? { title: s.title } : {}), ...(s.owners !== undefined ? { ownerIds: s.owners } : {}), ...(s.due !== undefined ? { dueDate: s.due } : {}) };
      return { actor: people[s.by]!, command: { type: "commitment.edit", payload } };
    }
    case "cancel":
      return { actor: people[s.by]!, command: { type: "commitment.cancel", payload: { commitmentId: picked } } };
    case "retry":
      return { actor: people[s.by]!, command: { type: "commitment.retrySync", payload: { commitmentId: picked } } };
    case "started":
      return { system: { type: "commitment.recordSyncStarted", commitmentId: picked, revision } };
    case "succeeded":
      return { system: { type: "commitment.recordSyncSucceeded", commitmentId: picked, revision, taskId: s.task, taskUrl: s.task && `https://tasks.example/${s.task}` } };
    case "failed":
      return { system: { type: "commitment.recordSyncFailed", commitmentId: picked, revision, reason: "Planner answered 503", isRetryable: s.percent !== 100 } };
    case "progress":
      return { system: { type: "commitment.recordProgress", commitmentId: picked, percentComplete: s.percent, completedAt: s.percent === 100 ? 5 : null, plannerDueDate: null } };
    case "deleted":
      return s.task === null ? null : { system: { type: "commitment.recordCancelledInPlanner", commitmentId: picked, taskId: s.task } };
    case "advance":
      return { actor: people[0]!, command: { type: "facilitation.advance", payload: { expectedItemId: state.facilitation.current?.itemId ?? null, expectedPhase: state.facilitation.current?.phase ?? null } } };
    case "end":
      return { actor: people[0]!, command: { type: "meeting.end", payload: {} } };
    case "wait":
      return null;
  }
}

describe("commitment invariants", () => {
  it("hold over any sequence of commands and worker reports, in any order", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80, size: "max" }), (steps) => {
        const { r, first } = commitmentRoom();
        r.run(people[0]!, { type: "meeting.start", payload: {} });
        for (const s of steps) {
          if (s.kind === "wait") r.wait(86_400_000);
          const next = commandFor(r.state, s, first);
          if (next === null) continue;
          const decision = "system" in next ? decideServerCommand(r.state, next.system, r.now) : decide(r.state, next.command, { now: r.now, actor: next.actor });
          if (!decision.ok) continue;
          // the store refuses an event its schema does not accept; decide must never produce one
          for (const event of decision.events) expect(DomainEventSchema.safeParse(event).success).toBe(true);
          const before = r.state;
          r.log.push(...decision.events);
          r.state = decision.events.reduce<MeetingState>(applyEvent, r.state);
          for (const after of allCommitments(r.state)) {
            const previous = before.commitments[after.commitmentId];
            expect(after.revision).toBeGreaterThanOrEqual(previous?.revision ?? 1);
            expect(after.sync.syncedRevision).toBeGreaterThanOrEqual(previous?.sync.syncedRevision ?? 0);
            expect(after.sync.syncedRevision).toBeLessThanOrEqual(after.revision);
            expect(after.sync.state === "synced").toBe(after.sync.syncedRevision === after.revision);
            // a failure is shown while it is the news: failed, or being retried; never once pending or synced
            if (after.sync.state === "failed") expect(after.sync.failure).not.toBeNull();
            if (after.sync.state === "pending" || after.sync.state === "synced") expect(after.sync.failure).toBeNull();
            expect(after.status === "cancelled").toBe(after.cancellation !== null);
            expect(after.ownerIds.length).toBeGreaterThan(0);
            expect(new Set(after.ownerIds).size).toBe(after.ownerIds.length);
            if (previous?.status === "cancelled") expect(after.status).toBe("cancelled");
          }
        }
        expect(MeetingStateSchema.safeParse(r.state).success).toBe(true);
        expect(replay(emptyMeeting("m1"), r.log)).toEqual(r.state);
      }),
      { numRuns: 200 },
    );
  });
});
