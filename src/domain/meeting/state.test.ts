import { describe, expect, it } from "vitest";
import { MeetingStateSchema } from "../../protocol/snapshot.ts";
import { emptyMeeting } from "./state.ts";

describe("meeting state", () => {
  it("loads a snapshot saved before the agenda existed as a meeting with an empty agenda", () => {
    const participant = { userId: "u1", displayName: "Ada", meetingRole: "organizer", isPresent: true, joinedAt: 5 } as const;
    const saved = { meetingId: "m1", participants: { u1: participant }, queue: {}, floor: null, nextArrival: 3 };
    expect(MeetingStateSchema.parse(saved)).toEqual({ ...emptyMeeting("m1"), participants: { u1: participant }, nextArrival: 3 });
  });

  it("starts every meeting from a state the snapshot schema accepts unchanged", () => {
    expect(MeetingStateSchema.parse(emptyMeeting("m1"))).toEqual(emptyMeeting("m1"));
  });
});
