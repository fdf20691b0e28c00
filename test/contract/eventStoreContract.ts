import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyEvent, decide, emptyMeeting, replay, type MeetingState } from "../../src/domain/index.ts";
import type { Command } from "../../src/protocol/commands.ts";
import type { DomainEvent, SequencedEvent } from "../../src/protocol/events.ts";
import { Limits } from "../../src/protocol/limits.ts";
import {
  SequenceConflictError,
  type EventStore,
  type MeetingKey,
  type OutboxClaimRequest,
  type OutboxInput,
  type OutboxRow,
} from "../../server/store/eventStore.ts";
import {
  actor,
  endedMeeting,
  grantNext,
  join,
  joinEvents,
  leave,
  lowerHand,
  openEntryIdOf,
  raiseHand,
  runScript,
  sampleMeeting,
  yieldFloor,
} from "../fixtures/meetingEvents.ts";

/** A store handed to the contract, with what the contract may do to it. */
export interface EventStoreUnderTest {
  store: EventStore;
  /**
   * Capability: present when the store's data outlives the connection (a file, a server). Opens a
   * new store on the same data; the contract closes the first store before calling it.
   */
  reopen?: () => Promise<EventStore>;
  /**
   * Capability: present when several connections can share the data at once (a file, a server).
   * Opens a second store on the same data while the first stays open; the contract closes both.
   */
  openAnother?: () => Promise<EventStore>;
  /** Removes what the store left behind (files, schemas), after the contract has closed its stores. */
  cleanup?: () => Promise<void>;
}

/**
 * Registers the tests every EventStore adapter must pass. Call it from a `*.test.ts` file with a
 * factory that returns a fresh, empty store each time.
 */
export function describeEventStoreContract(name: string, makeStore: () => Promise<EventStoreUnderTest>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let opened: EventStore[] = [];
    // Fresh tenant ids per test so a shared database (Postgres) never sees another test's rows.
    let tenant: string;
    let otherTenant: string;
    let key: MeetingKey;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
      opened = [store];
      tenant = `tenant-${randomUUID()}`;
      otherTenant = `tenant-${randomUUID()}`;
      key = { tenantId: tenant, meetingId: "meeting-1" };
    });

    afterEach(async () => {
      for (const each of opened) await each.close();
      await subject.cleanup?.();
    });

    /** Appends each batch as its own command and returns the final seq. */
    async function appendAll(into: MeetingKey, batches: readonly DomainEvent[][], commandPrefix = "cmd"): Promise<number> {
      let seq = await store.currentSeq(into);
      for (const [index, batch] of batches.entries()) {
        const result = await store.append(into, seq, `${commandPrefix}-${index}`, batch);
        if (result.kind !== "appended") throw new Error(`${commandPrefix}-${index} was unexpectedly a duplicate`);
        seq = result.seq;
      }
      return seq;
    }

    const sequenced = (events: readonly DomainEvent[], from = 1): SequencedEvent[] =>
      events.map((event, index) => ({ seq: from + index, event }));

    describe("sequence numbers", () => {
      it("starts a meeting at seq 0 with no events and no snapshot", async () => {
        expect(await store.currentSeq(key)).toBe(0);
        expect(await store.readSince(key, 0)).toEqual([]);
        expect(await store.loadSnapshot(key)).toBeNull();
      });

      it("numbers events from 1 with no gaps across appends and reports each append's events", async () => {
        const { batches } = sampleMeeting(key.meetingId);
        let seq = 0;
        for (const [index, batch] of batches.entries()) {
          const result = await store.append(key, seq, `cmd-${index}`, batch);
          expect(result).toEqual({ kind: "appended", seq: seq + batch.length, events: sequenced(batch, seq + 1) });
          seq += batch.length;
        }
        const all = batches.flat();
        expect(await store.readSince(key, 0)).toEqual(sequenced(all));
        expect(await store.currentSeq(key)).toBe(all.length);
      });

      it("keeps each meeting's sequence independent", async () => {
        const otherMeeting = { tenantId: tenant, meetingId: "meeting-2" };
        const first = sampleMeeting(key.meetingId).batches;
        const second = sampleMeeting(otherMeeting.meetingId, 1_800_000_000_000).batches.slice(0, 2);
        await appendAll(key, first);
        await appendAll(otherMeeting, second);

        expect(await store.readSince(otherMeeting, 0)).toEqual(sequenced(second.flat()));
        expect(await store.readSince(key, 0)).toEqual(sequenced(first.flat()));
        expect(await store.currentSeq(otherMeeting)).toBe(second.flat().length);
      });
    });

    describe("tenant isolation", () => {
      it("never shows one tenant's meeting to another tenant using the same meeting id", async () => {
        const sameIdElsewhere = { tenantId: otherTenant, meetingId: key.meetingId };
        const { batches, state } = sampleMeeting(key.meetingId);
        const seq = await appendAll(key, batches);
        await store.saveSnapshot(key, { seq, state });

        expect(await store.currentSeq(sameIdElsewhere)).toBe(0);
        expect(await store.readSince(sameIdElsewhere, 0)).toEqual([]);
        expect(await store.loadSnapshot(sameIdElsewhere)).toBeNull();
      });

      it("does not treat another tenant's command id as a duplicate", async () => {
        const sameIdElsewhere = { tenantId: otherTenant, meetingId: key.meetingId };
        const [ours] = sampleMeeting(key.meetingId).batches;
        const theirs = runScript(key.meetingId, [{ actor: actor("zed", "organizer"), command: join(), now: 5 }]).batches[0];
        await store.append(key, 0, "shared-command-id", ours!);

        const result = await store.append(sameIdElsewhere, 0, "shared-command-id", theirs!);
        expect(result).toEqual({ kind: "appended", seq: 1, events: sequenced(theirs!) });
        expect(await store.readSince(key, 0)).toEqual(sequenced(ours!));
        expect(await store.readSince(sameIdElsewhere, 0)).toEqual(sequenced(theirs!));
      });
    });

    describe("spaces", () => {
      // Teams-shaped ids: two meetings in one channel, one in another chat.
      const inChannel = (messageId: number) => Buffer.from(`0#19:leadership@thread.tacv2#${messageId}`).toString("base64");
      const channel = "19:leadership@thread.tacv2";

      it("finds the meeting of a space that ended last, never the asking meeting or another space's", async () => {
        const earlier = { tenantId: tenant, meetingId: inChannel(1) };
        const later = { tenantId: tenant, meetingId: inChannel(2) };
        const elsewhere = { tenantId: tenant, meetingId: Buffer.from("0#19:meeting_other@thread.v2#0").toString("base64") };
        const next = inChannel(3);
        expect(await store.lastEndedMeetingInSpace(tenant, channel, next)).toBeNull();

        await appendAll(earlier, endedMeeting(earlier.meetingId, 10_000).batches);
        await appendAll(later, endedMeeting(later.meetingId, 20_000).batches);
        await appendAll(elsewhere, endedMeeting(elsewhere.meetingId, 30_000).batches);

        expect(await store.lastEndedMeetingInSpace(tenant, channel, next)).toEqual({ meetingId: later.meetingId, endedAt: 20_000 });
        expect(await store.lastEndedMeetingInSpace(tenant, channel, later.meetingId)).toEqual({ meetingId: earlier.meetingId, endedAt: 10_000 });
        expect(await store.lastEndedMeetingInSpace(otherTenant, channel, next)).toBeNull();
      });

      it("does not count a meeting of the space that has not ended", async () => {
        const running = { tenantId: tenant, meetingId: inChannel(4) };
        await appendAll(running, endedMeeting(running.meetingId, 10_000).batches.slice(0, -1));
        expect(await store.lastEndedMeetingInSpace(tenant, channel, inChannel(5))).toBeNull();
      });
    });

    describe("commitments' Planner tasks", () => {
      const everyone = { kind: "everyone" } as const;
      const captured = (commitmentId: string, createdBy: string, at: number): DomainEvent => ({
        type: "commitment.captured",
        at,
        audience: everyone,
        payload: { commitmentId, title: `Action ${commitmentId}`, ownerIds: [createdBy], dueDate: "2027-06-30", notes: "", itemId: null, createdBy },
      });
      const synced = (commitmentId: string, revision: number, taskId: string | null, at: number): DomainEvent => ({
        type: "commitment.syncSucceeded",
        at,
        audience: everyone,
        payload: { commitmentId, revision, taskId, taskUrl: taskId === null ? null : `https://planner.cloud.microsoft/task/${taskId}` },
      });
      const cancelled = (commitmentId: string, revision: number, at: number): DomainEvent => ({
        type: "commitment.cancelled",
        at,
        audience: everyone,
        payload: { commitmentId, revision, cancelledBy: "ann" },
      });
      const deletedInPlanner = (commitmentId: string, taskId: string, at: number): DomainEvent => ({
        type: "commitment.cancelledInPlanner",
        at,
        audience: everyone,
        payload: { commitmentId, taskId },
      });
      // a shared database (Postgres) holds other tests' tenants too
      const ours = async () => (await store.listCommitmentTasks()).filter((row) => row.tenantId === tenant || row.tenantId === otherTenant);

      it("lists each open commitment with the task of its latest sync, oldest sync first, per tenant", async () => {
        const sameIdElsewhere = { tenantId: otherTenant, meetingId: key.meetingId };
        const secondMeeting = { tenantId: tenant, meetingId: "meeting-2" };
        await appendAll(key, [
          joinEvents(key.meetingId, actor("ann", "organizer")),
          [captured("c1", "ann", 2_000), captured("c2", "ann", 2_001), captured("c3", "bob", 2_002), captured("c4", "ann", 2_003), captured("c5", "bob", 2_004)],
          [synced("c1", 1, "task-1", 3_000), synced("c2", 1, "task-2", 3_001), synced("c3", 1, "task-3", 3_002), synced("c5", 1, "task-5a", 3_003)],
          // c2 cancelled in Concord, its task then marked; c3's task deleted in Planner; c4 never synced
          [cancelled("c2", 2, 4_000)],
          [synced("c2", 2, "task-2", 4_001), deletedInPlanner("c3", "task-3", 4_002)],
          // c5's task was made again (its first deleted before the deletion was noticed); c1 edited and synced again
          [synced("c5", 2, "task-5b", 5_000), synced("c1", 2, "task-1", 5_001)],
        ]);
        // the same meeting and commitment ids in another tenant, with their own task
        await appendAll(sameIdElsewhere, [joinEvents(key.meetingId, actor("zed", "organizer")), [captured("c1", "zed", 2_500)], [synced("c1", 1, "task-other", 4_500)]]);
        await appendAll(secondMeeting, [joinEvents(secondMeeting.meetingId, actor("ann", "organizer")), [captured("c1", "ann", 2_600), synced("c1", 1, "task-m2", 2_700)]]);

        const row = (where: MeetingKey, commitmentId: string, taskId: string, createdBy: string, syncedAt: number) => ({
          ...where,
          spaceId: where.meetingId,
          commitmentId,
          taskId,
          createdBy,
          syncedAt,
        });
        expect(await ours()).toEqual([
          row(secondMeeting, "c1", "task-m2", "ann", 2_700),
          row(sameIdElsewhere, "c1", "task-other", "zed", 4_500),
          row(key, "c5", "task-5b", "bob", 5_000),
          row(key, "c1", "task-1", "ann", 5_001),
        ]);
      });

      it("lists nothing for meetings without synced commitments", async () => {
        await appendAll(key, sampleMeeting(key.meetingId).batches);
        await appendAll(key, [[captured("c1", "ann", 1_800_000_000_000)]], "capture");
        expect(await ours()).toEqual([]);
      });
    });

    describe("optimistic concurrency", () => {
      it("rejects a stale or future expectedSeq with SequenceConflictError and writes nothing", async () => {
        const [first, second] = sampleMeeting(key.meetingId).batches;
        await store.append(key, 0, "cmd-1", first!);

        for (const wrongSeq of [0, 5]) {
          const error: unknown = await store.append(key, wrongSeq, "cmd-2", second!).catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(SequenceConflictError);
          expect(error).toMatchObject({ key, expectedSeq: wrongSeq, actualSeq: 1 });
        }
        expect(await store.readSince(key, 0)).toEqual(sequenced(first!));
        expect(await store.currentSeq(key)).toBe(1);

        // The refused command was not recorded, so it goes through once decided again at the right seq.
        const retried = await store.append(key, 1, "cmd-2", second!);
        expect(retried).toEqual({ kind: "appended", seq: 2, events: sequenced(second!, 2) });
      });

      it("rejects a non-zero expectedSeq for a meeting that has no events", async () => {
        const [first] = sampleMeeting(key.meetingId).batches;
        await expect(store.append(key, 3, "cmd-1", first!)).rejects.toBeInstanceOf(SequenceConflictError);
        expect(await store.currentSeq(key)).toBe(0);
        expect(await store.append(key, 0, "cmd-1", first!)).toMatchObject({ kind: "appended", seq: 1 });
      });

      it("lets exactly one of several concurrent appends at the same seq win", async () => {
        const contenders = ["ana", "ben", "cai", "dee", "eli"].map((userId) => runScript(key.meetingId, [
          { actor: actor(userId, "organizer"), command: join(), now: 10 },
        ]).batches[0]!);
        const outcomes = await Promise.all(
          contenders.map((batch, index) => settled(store.append(key, 0, `cmd-${index}`, batch))),
        );

        const winners = outcomes.flatMap((outcome, index) =>
          outcome.ok && outcome.value.kind === "appended" ? [index] : []);
        expect(winners).toHaveLength(1);
        const losers = outcomes.filter((outcome) => !outcome.ok);
        expect(losers).toHaveLength(contenders.length - 1);
        for (const loser of losers) expect(loser.error).toBeInstanceOf(SequenceConflictError);
        expect(await store.readSince(key, 0)).toEqual(sequenced(contenders[winners[0]!]!));
        expect(await store.currentSeq(key)).toBe(1);
      });

      it("applies a command sent several times at once exactly once", async () => {
        const [batch] = sampleMeeting(key.meetingId).batches;
        const outcomes = await Promise.all([1, 2, 3].map(() => settled(store.append(key, 0, "cmd-resent", batch!))));

        const appended = outcomes.filter((outcome) => outcome.ok && outcome.value.kind === "appended");
        expect(appended).toHaveLength(1);
        for (const outcome of outcomes) {
          // Each copy either wins, is recognised as a duplicate, or lost the race and will be one when retried.
          if (outcome.ok) expect(outcome.value.seq).toBe(1);
          else expect(outcome.error).toBeInstanceOf(SequenceConflictError);
        }
        expect(await store.readSince(key, 0)).toEqual(sequenced(batch!));
        expect(await store.append(key, 1, "cmd-resent", batch!)).toEqual({ kind: "duplicate", seq: 1 });
      });
    });

    describe("idempotent commands", () => {
      it("answers a resent command with the seq it reached and writes nothing", async () => {
        const batches = sampleMeeting(key.meetingId).batches;
        const [first, second, third] = batches;
        await store.append(key, 0, "cmd-a", first!);
        await store.append(key, 1, "cmd-b", second!);

        // At the current seq, and at a stale one: a duplicate is a duplicate, never a conflict.
        expect(await store.append(key, 2, "cmd-a", third!)).toEqual({ kind: "duplicate", seq: 1 });
        expect(await store.append(key, 0, "cmd-a", first!)).toEqual({ kind: "duplicate", seq: 1 });
        expect(await store.readSince(key, 0)).toEqual(sequenced([...first!, ...second!]));
        expect(await store.currentSeq(key)).toBe(2);
      });

      it("finds the seq a command reached, per tenant, and null for a new one", async () => {
        const [first] = sampleMeeting(key.meetingId).batches;
        await store.append(key, 0, "cmd-found", first!);
        expect(await store.findCommand(key, "cmd-found")).toBe(first!.length);
        expect(await store.findCommand(key, "cmd-unknown")).toBeNull();
        expect(await store.findCommand({ ...key, tenantId: `${key.tenantId}-other` }, "cmd-found")).toBeNull();
      });

      it("recognises a resent command that produced no events", async () => {
        const organizer = actor("org-1", "organizer");
        // Rejoining unchanged is a real command the domain accepts with no events.
        const { batches } = runScript(key.meetingId, [
          { actor: organizer, command: join(), now: 1 },
          { actor: organizer, command: join(), now: 2 },
        ]);
        const [joined, rejoined] = batches;
        expect(rejoined).toEqual([]);
        await store.append(key, 0, "cmd-join", joined!);

        expect(await store.append(key, 1, "cmd-rejoin", rejoined!)).toEqual({ kind: "appended", seq: 1, events: [] });
        expect(await store.currentSeq(key)).toBe(1);
        expect(await store.append(key, 1, "cmd-rejoin", rejoined!)).toEqual({ kind: "duplicate", seq: 1 });
        expect(await store.readSince(key, 0)).toEqual(sequenced(joined!));
      });

      it("recognises an empty command on a meeting that has no events yet", async () => {
        expect(await store.append(key, 0, "cmd-nothing", [])).toEqual({ kind: "appended", seq: 0, events: [] });
        expect(await store.append(key, 0, "cmd-nothing", [])).toEqual({ kind: "duplicate", seq: 0 });
        expect(await store.currentSeq(key)).toBe(0);
        expect(await store.readSince(key, 0)).toEqual([]);
      });
    });

    describe("reading", () => {
      it("reads after a seq, ascending, at most `limit` events", async () => {
        const all = sampleMeeting(key.meetingId).batches.flat();
        await appendAll(key, sampleMeeting(key.meetingId).batches);
        const everything = sequenced(all);

        expect(await store.readSince(key, 0)).toEqual(everything);
        expect(await store.readSince(key, 3)).toEqual(everything.slice(3));
        expect(await store.readSince(key, 3, 2)).toEqual(everything.slice(3, 5));
        expect(await store.readSince(key, 0, all.length + 10)).toEqual(everything);
        expect(await store.readSince(key, all.length)).toEqual([]);
        expect(await store.readSince(key, all.length + 10)).toEqual([]);
      });

      it("returns events exactly as appended, optional fields and audiences included", async () => {
        const events = sampleMeeting(key.meetingId).batches.flat();
        const withTopic = events.find((event) => event.type === "queue.handRaised" && event.payload.topic !== undefined);
        const withoutTopic = events.find((event) => event.type === "queue.handRaised" && event.payload.topic === undefined);
        expect(withTopic).toBeDefined();
        expect(withoutTopic).toBeDefined();
        // The domain marks audiences per event; the store must keep every kind it might be given.
        const audiences: DomainEvent[] = [
          { ...withTopic!, audience: { kind: "facilitators" } },
          { ...withTopic!, audience: { kind: "participant", userId: "alice" } },
        ];
        const appended = [...events, ...audiences];
        await store.append(key, 0, "cmd-all", appended);

        const read = await store.readSince(key, 0);
        expect(read).toStrictEqual(sequenced(appended));
        expect(Object.keys(read[appended.indexOf(withoutTopic!)]!.event.payload)).not.toContain("topic");
      });
    });

    describe("bad input", () => {
      it("rejects a malformed event, naming the field, and writes nothing", async () => {
        const [joined, , , raised] = sampleMeeting(key.meetingId).batches;
        const tooLong = { ...raised![0]!, payload: { ...raised![0]!.payload, topic: "x".repeat(Limits.maxTopicLength + 1) } };
        await expect(store.append(key, 0, "cmd-1", [...joined!, tooLong as unknown as DomainEvent])).rejects.toThrow(
          /events\[1\]\.payload\.topic/,
        );
        const unknownType = { ...joined![0]!, type: "meeting.exploded" };
        await expect(store.append(key, 0, "cmd-1", [unknownType as unknown as DomainEvent])).rejects.toThrow(/events\[0\]/);

        expect(await store.currentSeq(key)).toBe(0);
        expect(await store.readSince(key, 0)).toEqual([]);
        expect(await store.append(key, 0, "cmd-1", joined!)).toMatchObject({ kind: "appended", seq: 1 });
      });

      it("rejects invalid arguments, naming them", async () => {
        const [joined] = sampleMeeting(key.meetingId).batches;
        await expect(store.append(key, -1, "cmd-1", joined!)).rejects.toThrow(/expectedSeq/);
        await expect(store.append(key, 0.5, "cmd-1", joined!)).rejects.toThrow(/expectedSeq/);
        await expect(store.append(key, 0, "", joined!)).rejects.toThrow(/commandId/);
        await expect(store.append({ tenantId: tenant, meetingId: "" }, 0, "cmd-1", joined!)).rejects.toThrow(/meetingId/);
        await expect(store.append({ tenantId: "", meetingId: key.meetingId }, 0, "cmd-1", joined!)).rejects.toThrow(/tenantId/);
        await expect(store.readSince(key, -1)).rejects.toThrow(/afterSeq/);
        await expect(store.readSince(key, 0, -5)).rejects.toThrow(/limit/);
        expect(await store.currentSeq(key)).toBe(0);
      });
    });

    describe("snapshots", () => {
      it("saves, loads and overwrites a meeting's snapshot", async () => {
        const { batches, state } = sampleMeeting(key.meetingId);
        const all = batches.flat();
        await appendAll(key, batches);
        const early = { seq: 3, state: replay(emptyMeeting(key.meetingId), all.slice(0, 3)) };

        await store.saveSnapshot(key, early);
        expect(await store.loadSnapshot(key)).toEqual(early);
        await store.saveSnapshot(key, { seq: all.length, state });
        expect(await store.loadSnapshot(key)).toEqual({ seq: all.length, state });
      });

      it("keeps snapshots apart by meeting and by tenant", async () => {
        const otherMeeting = { tenantId: tenant, meetingId: "meeting-2" };
        const sameIdElsewhere = { tenantId: otherTenant, meetingId: key.meetingId };
        const ours = sampleMeeting(key.meetingId);
        const theirs = sampleMeeting(otherMeeting.meetingId, 1_800_000_000_000);
        const oursSeq = await appendAll(key, ours.batches);
        const theirsSeq = await appendAll(otherMeeting, theirs.batches.slice(0, 2));
        const theirsState = replay(emptyMeeting(otherMeeting.meetingId), theirs.batches.slice(0, 2).flat());

        await store.saveSnapshot(key, { seq: oursSeq, state: ours.state });
        await store.saveSnapshot(otherMeeting, { seq: theirsSeq, state: theirsState });
        expect(await store.loadSnapshot(key)).toEqual({ seq: oursSeq, state: ours.state });
        expect(await store.loadSnapshot(otherMeeting)).toEqual({ seq: theirsSeq, state: theirsState });
        expect(await store.loadSnapshot(sameIdElsewhere)).toBeNull();
      });

      it("refuses a snapshot ahead of the log or of another meeting, and keeps the previous one", async () => {
        const { batches, state } = sampleMeeting(key.meetingId);
        const seq = await appendAll(key, batches);
        await store.saveSnapshot(key, { seq, state });

        await expect(store.saveSnapshot(key, { seq: seq + 1, state })).rejects.toThrow(/snapshot\.seq/);
        await expect(store.saveSnapshot(key, { seq, state: emptyMeeting("meeting-9") })).rejects.toThrow(/meetingId/);
        expect(await store.loadSnapshot(key)).toEqual({ seq, state });
      });
    });

    describe("outbox", () => {
      const topic = "planner.commitment";
      const row = (subject: string, revision: number, createdAt = 1_000, extra: Record<string, unknown> = {}): OutboxInput => ({
        topic,
        subject,
        revision,
        createdAt,
        payload: { commitmentId: subject, revision, title: `Action ${subject} r${revision}`, ownerIds: ["ann"], ...extra },
      });
      const claim = (now: number, limit = 10, more: Partial<OutboxClaimRequest> = {}) => store.claimOutbox({ topic, now, leaseMs: 1_000, limit, ...more });
      const summary = (rows: readonly OutboxRow[]) => rows.map((each) => `${each.subject}@${each.revision}:${each.status}`);

      /** Appends one command that produces the first sample batch and the given rows; returns the seq. */
      async function appendWithRows(into: MeetingKey, rows: OutboxInput[], commandId = `cmd-${randomUUID()}`): Promise<number> {
        const seq = await store.currentSeq(into);
        const [batch] = runScript(into.meetingId, [{ actor: actor(`p-${seq}`, "attendee"), command: join(), now: 1_000 + seq }]).batches;
        const result = await store.append(into, seq, commandId, batch!, rows);
        if (result.kind !== "appended") throw new Error(`${commandId} was unexpectedly a duplicate`);
        return result.seq;
      }

      it("writes its rows with the events of the same append, pending and due from their creation", async () => {
        await appendWithRows(key, [row("c1", 1, 5_000), row("c2", 1, 5_000, { notes: "ünïcödé — and \u2028 too" })]);
        const rows = await store.listOutbox(key);
        expect(rows).toMatchObject([
          { tenantId: tenant, meetingId: key.meetingId, topic, subject: "c1", revision: 1, status: "pending", attempts: 0, createdAt: 5_000, notBefore: 5_000, lastError: null, leaseUntil: null, settledAt: null },
          { subject: "c2", status: "pending" },
        ]);
        expect(rows[1]!.payload).toEqual(row("c2", 1, 5_000, { notes: "ünïcödé — and \u2028 too" }).payload);
        expect(await store.readSince(key, 0)).toHaveLength(1);
      });

      it("writes neither rows nor events when the append fails, and no rows for a duplicate command", async () => {
        await appendWithRows(key, [row("c1", 1)], "cmd-first");
        const [batch] = sampleMeeting(key.meetingId).batches;

        await expect(store.append(key, 0, "cmd-stale", batch!, [row("c2", 1)])).rejects.toBeInstanceOf(SequenceConflictError);
        const badEvent = { ...batch![0]!, type: "meeting.exploded" } as unknown as DomainEvent;
        await expect(store.append(key, 1, "cmd-bad-event", [badEvent], [row("c3", 1)])).rejects.toThrow(/events\[0\]/);
        await expect(store.append(key, 1, "cmd-bad-row", batch!, [row("c4", 1), { ...row("c5", 1), subject: "" }])).rejects.toThrow(/outbox\[1\]\.subject/);
        await expect(store.append(key, 1, "cmd-bad-payload", batch!, [{ ...row("c6", 1), payload: [] as unknown as Record<string, unknown> }])).rejects.toThrow(/outbox\[0\]\.payload/);
        expect(await store.append(key, 1, "cmd-first", batch!, [row("c7", 1)])).toEqual({ kind: "duplicate", seq: 1 });

        expect(summary(await store.listOutbox(key))).toEqual(["c1@1:pending"]);
        expect(await store.currentSeq(key)).toBe(1);
      });

      it("leases a due row to one claimer; the next claim gets nothing until it is settled or its lease runs out", async () => {
        await appendWithRows(key, [row("c1", 1)]);
        const [claimed, ...others] = await claim(2_000);
        expect(others).toEqual([]);
        expect(claimed).toMatchObject({ subject: "c1", revision: 1, attempts: 1, leaseUntil: 3_000, lease: { tenantId: tenant, outboxId: claimed!.outboxId } });
        expect(await claim(2_500)).toEqual([]);
        expect(await claim(2_999)).toEqual([]);

        const [again] = await claim(3_000);
        expect(again).toMatchObject({ outboxId: claimed!.outboxId, attempts: 2, leaseUntil: 4_000 });
        expect(again!.lease.token).not.toBe(claimed!.lease.token);
        // the worker whose lease ran out cannot settle the row any more; the current holder can
        expect(await store.completeOutbox(claimed!.lease, 3_100)).toBe(false);
        expect(await store.completeOutbox(again!.lease, 3_200)).toBe(true);
        expect(await store.completeOutbox(again!.lease, 3_300)).toBe(false);
        expect(await store.listOutbox(key)).toMatchObject([{ status: "done", settledAt: 3_200, leaseUntil: null, attempts: 2 }]);
        expect(await claim(10_000)).toEqual([]);
      });

      it("does not hand out a row before it is due", async () => {
        await appendWithRows(key, [row("c1", 1, 5_000)]);
        expect(await claim(4_999)).toEqual([]);
        expect(await claim(5_000)).toHaveLength(1);
      });

      it("reschedules a failed attempt with its reason, and gives up on one for good", async () => {
        await appendWithRows(key, [row("c1", 1), row("c2", 1)]);
        const [first, second] = await claim(2_000);
        expect(await store.rescheduleOutbox(first!.lease, { now: 2_100, notBefore: 7_000, error: "Planner answered 429; Retry-After 5" })).toBe(true);
        expect(await store.failOutbox(second!.lease, { now: 2_200, error: "The plan no longer exists" })).toBe(true);
        expect(await store.rescheduleOutbox(first!.lease, { now: 2_300, notBefore: 2_300, error: "again" })).toBe(false);

        expect(await claim(6_999)).toEqual([]);
        const [retried] = await claim(7_000);
        expect(retried).toMatchObject({ subject: "c1", attempts: 2, lastError: "Planner answered 429; Retry-After 5" });
        expect(await store.listOutbox(key)).toMatchObject([
          { subject: "c1", status: "pending" },
          { subject: "c2", status: "failed", lastError: "The plan no longer exists", settledAt: 2_200 },
        ]);
        expect(await store.completeOutbox(retried!.lease, 7_100)).toBe(true);
        expect(await claim(100_000)).toEqual([]);
      });

      it("cuts a very long failure text instead of refusing it, so a failing worker can always record why", async () => {
        await appendWithRows(key, [row("c1", 1)]);
        const [claimed] = await claim(2_000);
        expect(await store.failOutbox(claimed!.lease, { now: 2_100, error: "x".repeat(50_000) })).toBe(true);
        const [stored] = await store.listOutbox(key);
        expect(stored!.lastError!.length).toBeLessThan(50_000);
        expect(stored!.lastError!.startsWith("xxxx")).toBe(true);
      });

      it("sends only the newest revision of a subject that was not yet taken", async () => {
        await appendWithRows(key, [row("c1", 1, 1_000)]);
        await appendWithRows(key, [row("c1", 2, 1_100), row("c2", 1, 1_100)]);
        await appendWithRows(key, [row("c1", 3, 1_200)]);
        expect(summary(await store.listOutbox(key))).toEqual(["c1@1:superseded", "c1@2:superseded", "c2@1:pending", "c1@3:pending"]);
        expect(summary(await claim(2_000))).toEqual(["c2@1:pending", "c1@3:pending"]);
      });

      it("holds a newer revision back while an older one is being sent, then sends it", async () => {
        await appendWithRows(key, [row("c1", 1, 1_000)]);
        const [inFlight] = await claim(1_500);
        await appendWithRows(key, [row("c1", 2, 1_600)]);
        expect(summary(await store.listOutbox(key))).toEqual(["c1@1:pending", "c1@2:pending"]);
        expect(await claim(1_700)).toEqual([]);

        expect(await store.completeOutbox(inFlight!.lease, 1_800)).toBe(true);
        expect(summary(await claim(1_900))).toEqual(["c1@2:pending"]);
        expect(summary(await store.listOutbox(key))).toEqual(["c1@1:done", "c1@2:pending"]);
      });

      it("supersedes an older row whose worker crashed once a newer one is claimed", async () => {
        await appendWithRows(key, [row("c1", 1, 1_000)]);
        const [crashed] = await claim(1_000);
        await appendWithRows(key, [row("c1", 2, 1_500)]);
        const [newest] = await claim(2_000);
        expect(newest).toMatchObject({ subject: "c1", revision: 2 });
        expect(summary(await store.listOutbox(key))).toEqual(["c1@1:superseded", "c1@2:pending"]);
        expect(await store.completeOutbox(crashed!.lease, 2_100)).toBe(false);
        expect(await store.completeOutbox(newest!.lease, 2_200)).toBe(true);
      });

      it("claims only the topic asked for, oldest due first, at most `limit`", async () => {
        await appendWithRows(key, [row("c3", 1, 3_000), row("c1", 1, 1_000), { ...row("c2", 1, 500), topic: "mail.digest" }, row("c2", 1, 2_000)]);
        expect(summary(await claim(5_000, 2))).toEqual(["c1@1:pending", "c2@1:pending"]);
        expect(summary(await claim(5_000, 2))).toEqual(["c3@1:pending"]);
        expect(summary(await store.claimOutbox({ topic: "mail.digest", now: 5_000, leaseMs: 10, limit: 5 }))).toEqual(["c2@1:pending"]);
      });

      it("never gives two concurrent claimers the same row", async () => {
        const meetings = [key, { tenantId: tenant, meetingId: "meeting-2" }, { tenantId: otherTenant, meetingId: "meeting-1" }];
        for (const meeting of meetings) {
          await appendWithRows(meeting, Array.from({ length: 12 }, (_, index) => row(`c${index}`, 1, 1_000 + index)));
        }
        const other = subject.openAnother ? await subject.openAnother() : store;
        if (other !== store) opened.push(other);
        const claims = await Promise.all(
          Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? store : other).claimOutbox({ topic, now: 5_000, leaseMs: 60_000, limit: 4 })),
        );
        const ids = claims.flat().map((claimed) => `${claimed.tenantId}/${claimed.outboxId}`);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(36);
      });

      it("keeps tenants apart: rows, superseding, claims and leases", async () => {
        const theirs = { tenantId: otherTenant, meetingId: key.meetingId };
        await appendWithRows(key, [row("c1", 1, 1_000)]);
        await appendWithRows(theirs, [row("c1", 2, 1_100)]);
        expect(summary(await store.listOutbox(key))).toEqual(["c1@1:pending"]);
        expect(summary(await store.listOutbox(theirs))).toEqual(["c1@2:pending"]);

        const [ours] = await claim(2_000, 10, { tenantId: tenant });
        expect(ours).toMatchObject({ tenantId: tenant, revision: 1 });
        expect(await claim(2_000, 10, { tenantId: tenant })).toEqual([]);
        expect(await store.completeOutbox({ ...ours!.lease, tenantId: otherTenant }, 2_100)).toBe(false);
        const [their] = await claim(2_000, 10, { tenantId: otherTenant });
        expect(their).toMatchObject({ tenantId: otherTenant, revision: 2 });
        expect(await store.completeOutbox(ours!.lease, 2_200)).toBe(true);
        expect(summary(await store.listOutbox(theirs))).toEqual(["c1@2:pending"]);
      });

      it("refuses malformed claims and leases, naming the field", async () => {
        await expect(store.claimOutbox({ topic: "", now: 0, leaseMs: 1, limit: 1 })).rejects.toThrow(/request\.topic/);
        await expect(store.claimOutbox({ topic, now: -1, leaseMs: 1, limit: 1 })).rejects.toThrow(/request\.now/);
        await expect(store.claimOutbox({ topic, now: 0, leaseMs: 0, limit: 1 })).rejects.toThrow(/request\.leaseMs/);
        await expect(store.claimOutbox({ topic, now: 0, leaseMs: 1, limit: 0 })).rejects.toThrow(/request\.limit/);
        await expect(store.completeOutbox({ tenantId: tenant, outboxId: 1, token: "" }, 0)).rejects.toThrow(/lease\.token/);
        await expect(store.completeOutbox({ tenantId: "", outboxId: 1, token: "t" }, 0)).rejects.toThrow(/lease\.tenantId/);
        await expect(store.rescheduleOutbox({ tenantId: tenant, outboxId: 1, token: "t" }, { now: 0, notBefore: 0, error: " " })).rejects.toThrow(/retry\.error/);
      });

      it("loses nothing and repeats nothing across a crash and restart", async (context) => {
        if (!subject.reopen) {
          context.skip("this store keeps nothing once closed");
          return;
        }
        await appendWithRows(key, [row("c1", 1), row("c2", 1), row("c3", 1)]);
        const [sent, interrupted] = await claim(2_000, 2);
        expect(await store.completeOutbox(sent!.lease, 2_100)).toBe(true);
        await store.close();

        const reopened = await subject.reopen();
        opened.push(reopened);
        const afterRestart = (now: number) => reopened.claimOutbox({ topic, now, leaseMs: 1_000, limit: 10 });
        expect(summary(await afterRestart(2_500))).toEqual(["c3@1:pending"]);
        expect(summary(await afterRestart(3_000))).toEqual([`${interrupted!.subject}@1:pending`]);
        expect(summary(await reopened.listOutbox(key))).toEqual(["c1@1:done", "c2@1:pending", "c3@1:pending"]);
      });
    });

    describe("lifecycle", () => {
      it("keeps events, commands and snapshots across close and reopen", async (context) => {
        if (!subject.reopen) {
          context.skip("this store keeps nothing once closed");
          return;
        }
        const { batches, state } = sampleMeeting(key.meetingId);
        const seq = await appendAll(key, batches);
        await store.append(key, seq, "cmd-empty", []);
        await store.saveSnapshot(key, { seq, state });
        await store.close();

        const reopened = await subject.reopen();
        opened.push(reopened);
        expect(await reopened.readSince(key, 0)).toEqual(sequenced(batches.flat()));
        expect(await reopened.currentSeq(key)).toBe(seq);
        expect(await reopened.loadSnapshot(key)).toEqual({ seq, state });
        expect(await reopened.append(key, seq, "cmd-0", [])).toEqual({ kind: "duplicate", seq: batches[0]!.length });
        expect(await reopened.append(key, seq, "cmd-empty", [])).toEqual({ kind: "duplicate", seq });

        const next = runScript(key.meetingId, [{ actor: actor("late", "attendee"), command: join(), now: 9 }], state);
        expect(await reopened.append(key, seq, "cmd-late", next.batches[0]!)).toEqual({
          kind: "appended",
          seq: seq + 1,
          events: sequenced(next.batches[0]!, seq + 1),
        });
      });

      it("closes idempotently and refuses work once closed", async () => {
        await store.close();
        await store.close();
        await expect(store.currentSeq(key)).rejects.toThrow();
        await expect(store.append(key, 0, "cmd-1", [])).rejects.toThrow();
      });
    });

    describe("properties", () => {
      it("replays what was appended: contiguous seqs per meeting, folding to the same state", async () => {
        const people = [actor("org", "organizer"), actor("pres", "presenter"), actor("ann"), actor("bo")];
        const kinds = ["join", "leave", "raise", "lower", "grant", "yield"] as const;
        const step = fc.record({
          meeting: fc.nat({ max: 2 }),
          person: fc.nat({ max: people.length - 1 }),
          kind: fc.constantFrom(...kinds),
          // Arbitrary UTF-16, lone surrogates and NULs included: what a client could put in a topic.
          topic: fc.option(fc.string({ unit: "binary", maxLength: 40 }), { nil: undefined }),
        });
        const commandFor = (kind: (typeof kinds)[number], state: MeetingState, userId: string, topic: string | undefined): Command => {
          switch (kind) {
            case "join": return join();
            case "leave": return leave();
            case "raise": return raiseHand(topic);
            case "lower": return lowerHand(openEntryIdOf(state, userId) ?? "h404");
            case "grant": return grantNext();
            case "yield": return yieldFloor();
          }
        };

        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(step, { maxLength: 30 }), async (meetingCount, steps) => {
            const runTenant = `tenant-${randomUUID()}`;
            const runOtherTenant = `tenant-${randomUUID()}`;
            // Meetings 0 and 1 share a meeting id in different tenants; 2 is another meeting of tenant 0.
            const models = [
              { tenantId: runTenant, meetingId: "meeting-a" },
              { tenantId: runOtherTenant, meetingId: "meeting-a" },
              { tenantId: runTenant, meetingId: "meeting-b" },
            ].slice(0, meetingCount).map((meetingKey) => ({
              key: meetingKey,
              state: emptyMeeting(meetingKey.meetingId),
              seq: 0,
              batches: [] as DomainEvent[][],
            }));

            for (const [index, { meeting, person, kind, topic }] of steps.entries()) {
              const model = models[meeting % meetingCount]!;
              const who = people[person]!;
              const decision = decide(model.state, commandFor(kind, model.state, who.userId, topic), { now: 1_000 + index, actor: who });
              if (!decision.ok) continue;
              const result = await store.append(model.key, model.seq, `cmd-${index}`, decision.events);
              expect(result).toEqual({ kind: "appended", seq: model.seq + decision.events.length, events: sequenced(decision.events, model.seq + 1) });
              model.seq = result.seq;
              model.state = decision.events.reduce(applyEvent, model.state);
              model.batches.push(decision.events);
            }

            for (const model of models) {
              const read = await store.readSince(model.key, 0);
              const appended = model.batches.flat();
              expect(read.map((entry) => entry.seq)).toEqual(appended.map((_, index) => index + 1));
              expect(read.map((entry) => entry.event)).toEqual(appended);
              expect(replay(emptyMeeting(model.key.meetingId), read.map((entry) => entry.event))).toEqual(model.state);
              expect(await store.currentSeq(model.key)).toBe(appended.length);
            }
          }),
          { numRuns: 40 },
        );
      });
    });
  });
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );
}
