import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ClientMessageSchema, ServerMessageSchema } from "./messages.ts";
import { Limits } from "./limits.ts";
import { PROTOCOL_VERSION } from "./version.ts";
import { summarizeIssues } from "./zodErrors.ts";

const command = (command: unknown) => ({ type: "command", commandId: "c-1", command });

describe("client messages", () => {
  it("accepts a hello and every command shape", () => {
    expect(ClientMessageSchema.parse({ type: "hello", protocolVersion: PROTOCOL_VERSION, meetingId: "m-1", lastSeq: 0 }).type).toBe("hello");
    for (const body of [
      { type: "meeting.join", payload: {} },
      { type: "queue.raiseHand", payload: { topic: "budget" } },
      { type: "queue.lowerHand", payload: { entryId: "h1" } },
      { type: "floor.grantNext", payload: { expectedEntryId: "h1" } },
      { type: "floor.yield", payload: {} },
      { type: "meeting.leave", payload: {} },
    ]) {
      expect(ClientMessageSchema.safeParse(command(body)).success).toBe(true);
    }
  });

  it("names the field at fault", () => {
    const tooLong = "x".repeat(Limits.maxTopicLength + 1);
    const result = ClientMessageSchema.safeParse(command({ type: "queue.raiseHand", payload: { topic: tooLong } }));
    expect(result.success).toBe(false);
    if (!result.success) expect(summarizeIssues(result.error)).toContain("command.payload.topic");
  });

  it("refuses unknown commands, extra fields, negative seqs and ids that would reach an object's prototype", () => {
    expect(ClientMessageSchema.safeParse(command({ type: "floor.seize", payload: {} })).success).toBe(false);
    expect(ClientMessageSchema.safeParse(command({ type: "floor.yield", payload: { role: "organizer" } })).success).toBe(false);
    expect(ClientMessageSchema.safeParse({ type: "hello", protocolVersion: 1, meetingId: "m", lastSeq: -1 }).success).toBe(false);
    expect(ClientMessageSchema.safeParse(command({ type: "queue.lowerHand", payload: { entryId: "__proto__" } })).success).toBe(false);
    expect(ClientMessageSchema.safeParse({ type: "hello", protocolVersion: 1, meetingId: "has space", lastSeq: 0 }).success).toBe(false);
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => ClientMessageSchema.safeParse(value)).not.toThrow();
      }),
    );
  });
});

describe("server messages", () => {
  it("parses an event with its sequence number and audience", () => {
    const parsed = ServerMessageSchema.parse({
      type: "event",
      seq: 3,
      event: { type: "queue.handRaised", at: 5, audience: { kind: "everyone" }, payload: { entryId: "h1", userId: "u1" } },
    });
    expect(parsed).toMatchObject({ type: "event", seq: 3 });
  });
});
