import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyEvent, decide, emptyMeeting, replay, type MeetingState } from "../../src/domain/index.ts";
import type { Command } from "../../src/protocol/commands.ts";
import type { DomainEvent, SequencedEvent } from "../../src/protocol/events.ts";
import { Limits } from "../../src/protocol/limits.ts";
import { SequenceConflictError, type EventStore, type MeetingKey } from "../../server/store/eventStore.ts";
import {
  actor,
  grantNext,
  join,
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
