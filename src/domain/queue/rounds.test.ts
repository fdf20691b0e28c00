import { describe, expect, it } from "vitest";
import { TestRoom, person } from "../testing/room.ts";
import { baseOrder, nextRoundStarter, roundOrder } from "./rounds.ts";

const [zoe, yan, xia, wes] = [person("zoe", "organizer"), person("yan"), person("xia"), person("wes")];

/** People joining a second apart, in this order. */
function joinedInOrder(): TestRoom {
  const r = new TestRoom();
  for (const who of [zoe, yan, xia, wes]) r.join(who).wait(1_000);
  r.run(zoe, { type: "queue.setPolicy", payload: { policy: "roundRobin" } });
  return r;
}

describe("round order", () => {
  it("follows who joined first, not names, and rotates to the starter", () => {
    const r = joinedInOrder();
    expect(baseOrder(r.state)).toEqual(["zoe", "yan", "xia", "wes"]);
    expect(roundOrder(r.state, "xia")).toEqual(["xia", "wes", "zoe", "yan"]);
  });

  it("keeps a rejoining person's first place in the order", () => {
    const r = joinedInOrder();
    r.run(yan, { type: "meeting.leave", payload: {} });
    r.wait(5_000).join(yan);
    expect(baseOrder(r.state)).toEqual(["zoe", "yan", "xia", "wes"]);
  });

  it("starts the next round after the last starter, even once that person has left", () => {
    const r = joinedInOrder();
    expect(nextRoundStarter(r.state)).toBe("zoe");
    r.run(zoe, { type: "round.start", payload: { startWith: "yan" } });
    r.run(zoe, { type: "round.end", payload: {} });
    expect(nextRoundStarter(r.state)).toBe("xia");
    r.run(yan, { type: "meeting.leave", payload: {} });
    expect(nextRoundStarter(r.state)).toBe("xia");
    r.run(zoe, { type: "round.start", payload: { startWith: "wes" } });
    r.run(zoe, { type: "round.end", payload: {} });
    expect(nextRoundStarter(r.state)).toBe("zoe");
  });

  it("has nobody to start with in an empty meeting", () => {
    expect(nextRoundStarter(new TestRoom().state)).toBeNull();
  });
});
