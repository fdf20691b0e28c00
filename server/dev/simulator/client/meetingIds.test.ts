import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdSchema } from "../../../../src/protocol/ids.ts";
import { spaceOfMeeting } from "../../../meetings/space.ts";
import { chatIdFor, createMeetingId, DEFAULT_MEETING_ID, isTeamsShapedMeetingId, meetingIdProblem, nextMeetingIdInThread } from "./meetingIds.ts";

describe("meeting ids", () => {
  it("has a default shaped like a Teams meeting id", () => {
    expect(atob(DEFAULT_MEETING_ID)).toBe("0#19:meeting_ConcordDevMeeting@thread.v2#0");
    expect(chatIdFor(DEFAULT_MEETING_ID)).toBe("19:meeting_ConcordDevMeeting@thread.v2");
  });

  it("makes fresh ids that are Teams-shaped, URL-safe and accepted by the server", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        const id = createMeetingId((length) => bytes.slice(0, length));
        expect(id).toMatch(/^[A-Za-z0-9]+$/);
        expect(atob(id)).toMatch(/^0#19:meeting_[A-Za-z0-9]{41}@thread\.v2#0$/);
        expect(IdSchema.safeParse(id).success).toBe(true);
        expect(chatIdFor(id)).toBe(atob(id).slice(2, -2));
      }),
    );
  });

  it("makes a different id each time by default", () => {
    expect(createMeetingId()).not.toBe(createMeetingId());
  });

  it("derives a chat id even from an id that is not base64", () => {
    expect(chatIdFor("my-meeting")).toBe("19:meeting_my-meeting@thread.v2");
  });

  it("accepts exactly the meeting ids the server's IdSchema accepts", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 210 }), fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom("__proto__", "constructor", "x".repeat(200), "x".repeat(201))), (id) => {
        expect(meetingIdProblem(id) === null).toBe(IdSchema.safeParse(id).success);
      }),
    );
  });

  it("opens the next meeting in the same chat, which the server puts in the same space", () => {
    const first = createMeetingId();
    const next = nextMeetingIdInThread(first, 1_790_000_000_000);
    expect(next).not.toBe(first);
    expect(chatIdFor(next)).toBe(chatIdFor(first));
    expect(spaceOfMeeting(next)).toBe(spaceOfMeeting(first));
    expect(spaceOfMeeting(nextMeetingIdInThread(createMeetingId(), 1))).not.toBe(spaceOfMeeting(first));
    expect(meetingIdProblem(next)).toBeNull();
    expect(isTeamsShapedMeetingId(next)).toBe(true);
    expect(isTeamsShapedMeetingId("e2e-meeting")).toBe(false);
  });
});
