import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { APP_ROLES, type AppRole } from "../../protocol/vocabulary.ts";
import type { RoleAssignments } from "../meeting/state.ts";
import { TestRoom, person } from "../testing/room.ts";
import { handOnRoles } from "./rotation.ts";
import { rolesForItem } from "./holders.ts";

const userIds = ["u0", "u1", "u2", "u3", "u4", "u5"];

/** For each role, a subset of people who opted in to it. */
const eligibilityArbitrary = fc.record(
  Object.fromEntries(APP_ROLES.map((role) => [role, fc.subarray(userIds)])) as Record<AppRole, fc.Arbitrary<string[]>>,
);

/** Checks fairness over a sequence of items' holders: counts within one, no role twice in a row. */
function expectFair(history: readonly RoleAssignments[], eligible: Record<AppRole, string[]>) {
  for (const role of APP_ROLES) {
    const holders = history.map((assignments) => assignments[role]);
    if (eligible[role].length === 0) {
      expect(holders.every((holder) => holder === undefined)).toBe(true);
      continue;
    }
    const counts = eligible[role].map((userId) => holders.filter((holder) => holder === userId).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(holders.every((holder) => holder !== undefined && eligible[role].includes(holder))).toBe(true);
    if (eligible[role].length >= 2) {
      holders.slice(1).forEach((holder, index) => expect(holder).not.toBe(holders[index]));
    }
  }
}

describe("role rotation", () => {
  it("spreads each role evenly among those who opted in and never hands it to the same person twice in a row", () => {
    fc.assert(
      fc.property(eligibilityArbitrary, fc.integer({ min: 1, max: 200 }), (eligible, itemCount) => {
        const history: RoleAssignments[] = [];
        const present = new Set(userIds);
        for (let n = 0; n < itemCount; n++) {
          history.push(handOnRoles({ roles: APP_ROLES, eligible, history, assigned: {}, policy: "rotate", present }));
        }
        expectFair(history, eligible);
      }),
    );
  });

  it("is deterministic whatever order the eligible people are listed in", () => {
    fc.assert(
      fc.property(eligibilityArbitrary, fc.integer(), (eligible, seed) => {
        const shuffled = Object.fromEntries(
          APP_ROLES.map((role) => [role, fc.sample(fc.shuffledSubarray(eligible[role], { minLength: eligible[role].length }), { seed, numRuns: 1 })[0]!]),
        ) as Record<AppRole, string[]>;
        const run = (lists: Record<AppRole, string[]>) => {
          const history: RoleAssignments[] = [];
          for (let n = 0; n < 12; n++) history.push(handOnRoles({ roles: APP_ROLES, eligible: lists, history, assigned: {}, policy: "rotate", present: new Set(userIds) }));
          return history;
        };
        expect(run(shuffled)).toEqual(run(eligible));
      }),
    );
  });

  it("keeps holders already set on the item and fills only the rest", () => {
    const filled = handOnRoles({
      roles: APP_ROLES,
      eligible: { facilitator: ["u1", "u2"], timekeeper: ["u1", "u2"], scribe: ["u1", "u2"], challenger: [] },
      history: [],
      assigned: { facilitator: "u9" },
      policy: "rotate",
      present: new Set(["u1", "u2", "u9"]),
    });
    expect(filled).toEqual({ timekeeper: "u1", scribe: "u2" });
  });

  it("under the fixed policy keeps the previous holder while present, otherwise picks fairly", () => {
    const input = {
      roles: ["facilitator", "scribe"] as AppRole[],
      eligible: { facilitator: ["u1", "u2"], scribe: ["u1", "u2"] },
      history: [{ facilitator: "u2", scribe: "u3" }],
      assigned: {},
      policy: "fixed" as const,
    };
    expect(handOnRoles({ ...input, present: new Set(["u1", "u2", "u3"]) })).toEqual({ facilitator: "u2", scribe: "u3" });
    expect(handOnRoles({ ...input, present: new Set(["u1", "u2"]) })).toEqual({ facilitator: "u2", scribe: "u1" });
  });
});

describe("roles in a meeting", () => {
  const organizer = person("org", "organizer");

  it("hands roles on at each item among present people who opted in, fairly, over a whole agenda", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.subarray([...APP_ROLES]), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        (peopleCount, optIns, itemCount) => {
          const people = userIds.slice(0, peopleCount).map((userId) => person(userId));
          const r = new TestRoom().join(organizer, ...people);
          people.forEach((who, index) => {
            if (optIns[index]!.length > 0) r.run(who, { type: "roles.optIn", payload: { roles: optIns[index]! } });
          });
          for (let n = 0; n < itemCount; n++) r.addItem(organizer, `Item ${n + 1}`, ["commit"], 1);
          r.run(organizer, { type: "meeting.start", payload: {} });
          for (let n = 1; n < itemCount; n++) r.advance(organizer);
          const eligible = Object.fromEntries(
            APP_ROLES.map((role) => [role, people.filter((_, index) => optIns[index]!.includes(role)).map((who) => who.userId)]),
          ) as Record<AppRole, string[]>;
          expectFair(
            r.state.agenda.order.map((itemId) => rolesForItem(r.state, itemId)),
            eligible,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("announces rotation with one event per item entered, and does not reshuffle when stepping back", () => {
    const [ann, bo] = [person("ann"), person("bo")];
    const r = new TestRoom().join(organizer, ann, bo);
    r.run(ann, { type: "roles.optIn", payload: { roles: ["facilitator"] } });
    r.run(bo, { type: "roles.optIn", payload: { roles: ["facilitator"] } });
    const [first, second] = [r.addItem(organizer, "A", ["commit"]), r.addItem(organizer, "B", ["commit"])];
    const started = r.run(organizer, { type: "meeting.start", payload: {} });
    expect(started.at(-1)).toMatchObject({ type: "roles.assigned", payload: { itemId: first, assignments: [{ role: "facilitator", userId: "ann" }], reason: "rotation" } });
    const advanced = r.advance(ann);
    expect(advanced.at(-1)).toMatchObject({ type: "roles.assigned", payload: { itemId: second, assignments: [{ role: "facilitator", userId: "bo" }] } });
    const back = r.stepBack(bo);
    expect(back.map((event) => event.type)).toEqual(["facilitation.steppedBack"]);
    expect(rolesForItem(r.state, first)).toEqual({ facilitator: "ann" });
  });

  it("leaves out people who are not present or did not opt in", () => {
    const [ann, bo, cy] = [person("ann"), person("bo"), person("cy")];
    const r = new TestRoom().join(organizer, ann, bo, cy);
    r.run(ann, { type: "roles.optIn", payload: { roles: ["scribe"] } });
    r.run(bo, { type: "roles.optIn", payload: { roles: ["scribe"] } });
    r.run(bo, { type: "meeting.leave", payload: {} });
    const itemId = r.addItem(organizer, "A");
    r.addItem(organizer, "B");
    r.run(organizer, { type: "meeting.start", payload: {} });
    expect(rolesForItem(r.state, itemId)).toEqual({ scribe: "ann" });
  });

  it("records opt-ins per person and only changes", () => {
    const ann = person("ann");
    const r = new TestRoom().join(ann);
    r.run(ann, { type: "roles.optIn", payload: { roles: ["scribe", "facilitator"] } });
    expect(r.state.roles.optIns).toEqual({ ann: ["facilitator", "scribe"] });
    expect(r.attempt(ann, { type: "roles.optIn", payload: { roles: ["scribe"] } })).toEqual({ ok: true, events: [] });
    r.run(ann, { type: "roles.optOut", payload: { roles: ["facilitator", "scribe"] } });
    expect(r.state.roles.optIns).toEqual({});
  });

  it("lets only the organizer set the policy or override a role, for a role in use and a person in the meeting", () => {
    const [pres, ann] = [person("pres", "presenter"), person("ann")];
    const r = new TestRoom().join(organizer, pres, ann);
    const itemId = r.addItem(organizer, "A");
    for (const who of [pres, ann]) {
      expect(r.attempt(who, { type: "roles.setPolicy", payload: { rotation: "fixed" } })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
      expect(r.attempt(who, { type: "roles.assign", payload: { itemId, role: "scribe", userId: "ann" } })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    }
    expect(r.attempt(organizer, { type: "roles.assign", payload: { itemId, role: "scribe", userId: "ghost" } })).toMatchObject({
      ok: false,
      rejection: { code: "unknownParticipant" },
    });
    r.run(organizer, { type: "charter.update", payload: { rolesInUse: ["facilitator", "scribe"] } });
    expect(r.attempt(organizer, { type: "roles.assign", payload: { itemId, role: "challenger", userId: "ann" } })).toMatchObject({
      ok: false,
      rejection: { code: "invalidState" },
    });
    r.run(organizer, { type: "roles.assign", payload: { itemId, role: "scribe", userId: "ann" } });
    r.run(organizer, { type: "roles.setPolicy", payload: { rotation: "fixed" } });
    expect(rolesForItem(r.state, itemId)).toEqual({ scribe: "ann" });
    expect(r.state.roles.policy).toBe("fixed");
    r.run(organizer, { type: "roles.assign", payload: { itemId, role: "scribe", userId: null } });
    expect(rolesForItem(r.state, itemId)).toEqual({});
  });
});
