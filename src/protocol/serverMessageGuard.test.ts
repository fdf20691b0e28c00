import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ServerMessageSchema } from "./messages.ts";
import { isKnownServerMessage } from "./serverMessageGuard.ts";

const event = { type: "queue.handRaised", at: 1, audience: { kind: "everyone" }, payload: { entryId: "h1", userId: "u1" } };

describe("isKnownServerMessage", () => {
  it("accepts every message the schema accepts", () => {
    const messages = [
      { type: "event", seq: 1, event },
      { type: "ack", commandId: "c", seq: 1 },
      { type: "reject", commandId: null, code: "invalidMessage", message: "no" },
      { type: "welcome", mode: "events", viewer: { userId: "u", displayName: "U", meetingRole: "attendee" }, seq: 1, serverTime: 5, events: [{ seq: 1, event }] },
    ];
    for (const message of messages) {
      expect(ServerMessageSchema.safeParse(message).success).toBe(true);
      expect(isKnownServerMessage(message)).toBe(true);
    }
  });

  it("refuses events this client does not know, so it never folds them", () => {
    expect(isKnownServerMessage({ type: "event", seq: 2, event: { ...event, type: "matrix.scoreRevealed" } })).toBe(false);
    expect(isKnownServerMessage({ type: "presence", seq: 2 })).toBe(false);
  });

  it("refuses any event type the schema does not define", () => {
    fc.assert(
      fc.property(fc.string(), (type) => {
        const message = { type: "event", seq: 3, event: { ...event, type } };
        expect(isKnownServerMessage(message)).toBe(ServerMessageSchema.safeParse(message).success);
      }),
    );
  });
});
