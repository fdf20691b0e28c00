import { describe, expect, it } from "vitest";
import { CommandSchema } from "../../protocol/commands.ts";
import { TestRoom, person } from "../testing/room.ts";
import { decideSystem } from "./system.ts";

const org = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");

function annSpeaking(): TestRoom {
  const r = new TestRoom().join(org, ann, bo);
  r.run(ann, { type: "queue.raiseHand", payload: {} });
  r.run(org, { type: "floor.grantNext", payload: {} });
  return r;
}

describe("releasing a disconnected speaker's floor", () => {
  it("ends the turn the server saw, recording why", () => {
    const r = annSpeaking();
    const since = r.state.floor!.since;
    const decision = decideSystem(r.state, { type: "floor.releaseDisconnected", userId: "ann", since }, since + 30_000);
    expect(decision).toEqual({
      ok: true,
      events: [{ type: "floor.released", at: since + 30_000, audience: { kind: "everyone" }, payload: { userId: "ann", reason: "disconnected" } }],
    });
  });

  it("does nothing once the floor has moved on, even back to the same person", () => {
    const r = annSpeaking();
    const since = r.state.floor!.since;
    r.wait(1_000).run(ann, { type: "floor.yield", payload: {} });
    expect(decideSystem(r.state, { type: "floor.releaseDisconnected", userId: "ann", since }, r.now)).toEqual({ ok: true, events: [] });
    r.run(ann, { type: "queue.raiseHand", payload: {} });
    r.wait(1_000).run(org, { type: "floor.grantNext", payload: {} });
    expect(decideSystem(r.state, { type: "floor.releaseDisconnected", userId: "ann", since }, r.now)).toEqual({ ok: true, events: [] });
  });

  it("cannot be sent by a client", () => {
    expect(CommandSchema.safeParse({ type: "floor.releaseDisconnected", payload: { userId: "ann", since: 1 } }).success).toBe(false);
  });
});
