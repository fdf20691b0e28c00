import { describe, expect, it } from "vitest";
import { CommandSchema } from "./commands.ts";
import { DomainEventSchema } from "./events.ts";
import { ClientMessageSchema } from "./messages.ts";
import { MeetingStateSchema } from "./snapshot.ts";
import { summarizeIssues } from "./zodErrors.ts";

const fault = (command: unknown): string => {
  const result = ClientMessageSchema.safeParse({ type: "command", commandId: "c-1", command });
  return result.success ? "" : summarizeIssues(result.error);
};

describe("queue, floor, round and equity commands", () => {
  it("accepts every command shape", () => {
    const commands = [
      { type: "queue.raiseHand", payload: {} },
      { type: "queue.raiseHand", payload: { kind: "pointOfOrder", topic: "Agenda order" } },
      { type: "queue.lowerHand", payload: { entryId: "h1" } },
      { type: "queue.changeEntry", payload: { entryId: "h1", kind: "reply" } },
      { type: "queue.changeEntry", payload: { entryId: "h1", topic: "" } },
      { type: "queue.setPolicy", payload: { policy: "progressive" } },
      { type: "queue.moveEntry", payload: { entryId: "h1" } },
      { type: "queue.moveEntry", payload: { entryId: "h1", beforeEntryId: "h2" } },
      { type: "queue.skip", payload: { entryId: "h1" } },
      { type: "queue.removeEntry", payload: { entryId: "h1" } },
      { type: "queue.clear", payload: {} },
      { type: "queue.close", payload: {} },
      { type: "queue.reopen", payload: {} },
      { type: "queue.invite", payload: { userId: "u1" } },
      { type: "round.start", payload: {} },
      { type: "round.start", payload: { startWith: "u1" } },
      { type: "round.pass", payload: {} },
      { type: "round.pass", payload: { userId: "u1" } },
      { type: "round.end", payload: {} },
      { type: "floor.grantNext", payload: { expectedEntryId: "h1" } },
      { type: "floor.grantNext", payload: { expectedUserId: "u1" } },
      { type: "floor.grant", payload: { entryId: "h1" } },
      { type: "floor.yield", payload: {} },
      { type: "floor.setTurnLimit", payload: { seconds: 120 } },
      { type: "floor.setTurnLimit", payload: { seconds: null } },
      { type: "floor.extendTurn", payload: { seconds: 30 } },
      { type: "equity.setThreshold", payload: { ratio: 2.5 } },
      { type: "equity.shareSummary", payload: {} },
      { type: "equity.hideSummary", payload: {} },
    ];
    for (const command of commands) expect({ command, fault: fault(command) }).toEqual({ command, fault: "" });
  });

  it("names the field at fault in bad input", () => {
    expect(fault({ type: "queue.raiseHand", payload: { kind: "interruption" } })).toMatch(/^command\.payload\.kind: /);
    expect(fault({ type: "queue.changeEntry", payload: { entryId: "h1" } })).toBe("command.payload.kind: must change the kind or the topic");
    expect(fault({ type: "queue.setPolicy", payload: { policy: "loudestFirst" } })).toMatch(/^command\.payload\.policy: /);
    expect(fault({ type: "floor.setTurnLimit", payload: { seconds: 5 } })).toBe("command.payload.seconds: must be between 15 and 1800 seconds");
    expect(fault({ type: "floor.setTurnLimit", payload: { seconds: 90.5 } })).toBe("command.payload.seconds: must be a whole number of seconds");
    expect(fault({ type: "floor.extendTurn", payload: { seconds: 3_600 } })).toBe("command.payload.seconds: must be between 5 and 600 seconds");
    expect(fault({ type: "equity.setThreshold", payload: { ratio: 0.5 } })).toBe("command.payload.ratio: must be between 1 and 10");
    expect(fault({ type: "queue.invite", payload: { userId: "__proto__" } })).toBe("command.payload.userId: is a reserved word");
    expect(fault({ type: "round.start", payload: { startWith: "u1", everyone: true } })).toMatch(/^command\.payload: /);
  });

  it("has no command a client could use to release someone else's floor as the server", () => {
    expect(CommandSchema.options.map((option) => option.shape.type.value)).not.toContain("floor.releaseDisconnected");
  });
});

describe("queue state saved before kinds, rounds and floor time existed", () => {
  it("loads with every entry a new point and the queue first in, first out", () => {
    const saved = {
      meetingId: "m1",
      participants: { u1: { userId: "u1", displayName: "Ada", meetingRole: "organizer", isPresent: true, joinedAt: 5 } },
      queue: { h1: { entryId: "h1", userId: "u1", raisedAt: 10, arrival: 0 } },
      floor: { entryId: "h0", userId: "u1", since: 8 },
      nextArrival: 1,
    };
    const state = MeetingStateSchema.parse(saved);
    expect(state.queue["h1"]).toEqual({ entryId: "h1", userId: "u1", raisedAt: 10, arrival: 0, kind: "newPoint", rank: null });
    expect(state.floor).toEqual({ entryId: "h0", userId: "u1", since: 8, kind: null, itemId: null, extensionSeconds: 0, round: null });
    expect(state.queueSettings).toEqual({ policy: "fifo", isClosed: false, turnLimitSeconds: null });
    expect(state.rounds).toEqual({ current: null, count: 0, lastStarterId: null });
    expect(state.turns).toEqual([]);
    expect(state.equity).toEqual({ dominanceRatio: 2, alerts: {}, sharedSummary: null });
  });

  it("reads stored events that predate kinds", () => {
    const raised = { type: "queue.handRaised", at: 1, audience: { kind: "everyone" }, payload: { entryId: "h1", userId: "u1" } };
    const granted = { type: "floor.granted", at: 2, audience: { kind: "everyone" }, payload: { entryId: "h1", userId: "u1", grantedBy: "u2" } };
    expect(DomainEventSchema.parse(raised)).toEqual(raised);
    expect(DomainEventSchema.parse(granted)).toEqual(granted);
  });
});
