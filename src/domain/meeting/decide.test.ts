import { describe, expect, it } from "vitest";
import type { Command } from "../../protocol/commands.ts";
import type { Actor } from "./context.ts";
import { decide } from "./decide.ts";
import { replay } from "./apply.ts";
import { emptyMeeting, type MeetingState } from "./state.ts";
import { orderedQueue, placeInQueue } from "./queueOrder.ts";

const organizer: Actor = { userId: "u-org", displayName: "Avery", meetingRole: "organizer" };
const casey: Actor = { userId: "u-casey", displayName: "Casey", meetingRole: "attendee" };
const devon: Actor = { userId: "u-devon", displayName: "Devon", meetingRole: "attendee" };

/** Runs commands in order, failing loudly on a rejection so a broken step is named. */
function run(steps: [Actor, Command][], start = emptyMeeting("m1"), startAt = 1000): MeetingState {
  return steps.reduce((state, [actor, command], index) => {
    const decision = decide(state, command, { now: startAt + index, actor });
    if (!decision.ok) throw new Error(`step ${index} ${command.type}: ${decision.rejection.message}`);
    return replay(state, decision.events);
  }, start);
}

const join: Command = { type: "meeting.join", payload: {} };
const raise: Command = { type: "queue.raiseHand", payload: {} };

describe("decide", () => {
  it("queues raised hands first in, first out and reports each person's place", () => {
    const state = run([[organizer, join], [casey, join], [devon, join], [devon, raise], [casey, raise]]);
    expect(orderedQueue(state).map((entry) => entry.userId)).toEqual(["u-devon", "u-casey"]);
    expect(placeInQueue(state, "u-casey")).toBe(2);
    expect(placeInQueue(state, "u-org")).toBeNull();
  });

  it("refuses a second open hand from the same person", () => {
    const state = run([[casey, join], [casey, raise]]);
    const decision = decide(state, raise, { now: 5, actor: casey });
    expect(decision).toMatchObject({ ok: false, rejection: { code: "alreadyQueued" } });
  });

  it("refuses commands from someone who has not joined", () => {
    const decision = decide(emptyMeeting("m1"), raise, { now: 1, actor: casey });
    expect(decision).toMatchObject({ ok: false, rejection: { code: "notJoined" } });
  });

  it("lets only a facilitator grant the floor, to the head of the queue", () => {
    const state = run([[organizer, join], [casey, join], [devon, join], [casey, raise], [devon, raise]]);
    expect(decide(state, { type: "floor.grantNext", payload: {} }, { now: 9, actor: devon })).toMatchObject({
      ok: false,
      rejection: { code: "forbidden" },
    });
    const granted = run([[organizer, { type: "floor.grantNext", payload: {} }]], state);
    expect(granted.floor?.userId).toBe("u-casey");
    expect(orderedQueue(granted).map((entry) => entry.userId)).toEqual(["u-devon"]);
  });

  it("rejects a grant made against a queue that has since changed", () => {
    const state = run([[organizer, join], [casey, join], [devon, join], [casey, raise], [devon, raise]]);
    const head = orderedQueue(state)[0]!.entryId;
    const moved = run([[casey, { type: "queue.lowerHand", payload: { entryId: head } }]], state);
    const decision = decide(moved, { type: "floor.grantNext", payload: { expectedEntryId: head } }, { now: 99, actor: organizer });
    expect(decision).toMatchObject({ ok: false, rejection: { code: "stale" } });
  });

  it("ends the current turn when the next person is granted the floor", () => {
    const grant: Command = { type: "floor.grantNext", payload: {} };
    const state = run([[organizer, join], [casey, join], [devon, join], [casey, raise], [devon, raise], [organizer, grant]]);
    const decision = decide(state, grant, { now: 50, actor: organizer });
    expect(decision.ok && decision.events.map((event) => event.type)).toEqual(["floor.released", "floor.granted"]);
  });

  it("lets the speaker yield and a facilitator end a turn, but nobody else", () => {
    const yieldFloor: Command = { type: "floor.yield", payload: {} };
    const state = run([[organizer, join], [casey, join], [devon, join], [casey, raise], [organizer, { type: "floor.grantNext", payload: {} }]]);
    expect(decide(state, yieldFloor, { now: 60, actor: devon })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    expect(run([[casey, yieldFloor]], state).floor).toBeNull();
    const ended = decide(state, yieldFloor, { now: 60, actor: organizer });
    expect(ended.ok && ended.events[0]).toMatchObject({ type: "floor.released", payload: { reason: "endedByFacilitator" } });
  });

  it("only lets people lower their own hand", () => {
    const state = run([[casey, join], [devon, join], [casey, raise]]);
    const entryId = orderedQueue(state)[0]!.entryId;
    const decision = decide(state, { type: "queue.lowerHand", payload: { entryId } }, { now: 7, actor: devon });
    expect(decision).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
  });

  it("removes a leaving person's hand and passes on their floor", () => {
    const state = run([[organizer, join], [casey, join], [devon, join], [casey, raise], [organizer, { type: "floor.grantNext", payload: {} }], [devon, raise], [casey, raise]]);
    const afterCasey = run([[casey, { type: "meeting.leave", payload: {} }]], state);
    expect(afterCasey.floor).toBeNull();
    expect(orderedQueue(afterCasey).map((entry) => entry.userId)).toEqual(["u-devon"]);
    expect(afterCasey.participants["u-casey"]?.isPresent).toBe(false);
  });

  it("treats a rejoin with the same name and role as a no-op", () => {
    const state = run([[casey, join]]);
    expect(decide(state, join, { now: 3, actor: casey })).toEqual({ ok: true, events: [] });
    const promoted = decide(state, join, { now: 3, actor: { ...casey, meetingRole: "presenter" } });
    expect(promoted.ok && promoted.events).toHaveLength(1);
  });

  it("stamps every event with the injected clock", () => {
    const decision = decide(emptyMeeting("m1"), join, { now: 424242, actor: casey });
    expect(decision.ok && decision.events.every((event) => event.at === 424242)).toBe(true);
  });
});
