import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Command } from "../../../protocol/commands.ts";
import { ENTRY_KINDS } from "../../../protocol/vocabulary.ts";
import { TestRoom, person } from "../../../domain/testing/room.ts";
import { kindProblem } from "./kindProblem.ts";

const org = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");

describe("kindProblem", () => {
  it("offers a kind exactly when the domain would accept raising it (property)", () => {
    const users = [org, ann, bo];
    const command = fc.oneof(
      fc.constantFrom(...ENTRY_KINDS).map<Command>((kind) => ({ type: "queue.raiseHand", payload: { kind } })),
      fc.constantFrom<Command>(
        { type: "floor.grantNext", payload: {} },
        { type: "floor.yield", payload: {} },
        { type: "queue.close", payload: {} },
        { type: "queue.reopen", payload: {} },
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ who: fc.nat(users.length - 1), command }), { maxLength: 40 }), (steps) => {
        const r = new TestRoom().join(...users);
        for (const { who, command: sent } of steps) {
          const actor = sent.type === "queue.raiseHand" ? users[who]! : org;
          if (r.attempt(actor, sent).ok) r.run(actor, sent);
          for (const user of users) {
            for (const kind of ENTRY_KINDS) {
              const isAccepted = r.attempt(user, { type: "queue.raiseHand", payload: { kind } }).ok;
              expect({ user: user.userId, kind, offered: kindProblem(r.state, user.userId, kind) === null }).toEqual({ user: user.userId, kind, offered: isAccepted });
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("says why: already held, closed queue, nobody or oneself to reply to", () => {
    const r = new TestRoom().join(org, ann);
    expect(kindProblem(r.state, "ann", "reply")).toBe("nobodyToReply");
    r.run(ann, { type: "queue.raiseHand", payload: {} });
    expect(kindProblem(r.state, "ann", "newPoint")).toBe("held");
    r.run(org, { type: "floor.grantNext", payload: {} });
    expect(kindProblem(r.state, "ann", "reply")).toBe("replyToOthers");
    r.run(org, { type: "queue.close", payload: {} });
    expect(kindProblem(r.state, "org", "clarifyingQuestion")).toBe("closed");
    expect(kindProblem(r.state, "org", "pointOfOrder")).toBeNull();
  });
});
