import { describe, expect, it } from "vitest";
import { spaceOfMeeting } from "./space.ts";

const encode = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe("spaceOfMeeting", () => {
  it("is the meeting chat's thread for a scheduled meeting", () => {
    expect(spaceOfMeeting(encode("0#19:meeting_NzIx@thread.v2#0"))).toBe("19:meeting_NzIx@thread.v2");
  });

  it("is the channel for channel meetings, so meetings in one channel share it", () => {
    const first = encode("0#19:abc123@thread.tacv2#1700000000001");
    const second = encode("0#19:abc123@thread.tacv2#1700000000999");
    expect(spaceOfMeeting(first)).toBe("19:abc123@thread.tacv2");
    expect(spaceOfMeeting(second)).toBe(spaceOfMeeting(first));
  });

  it("keeps meetings in different chats apart", () => {
    expect(spaceOfMeeting(encode("0#19:meeting_A@thread.v2#0"))).not.toBe(spaceOfMeeting(encode("0#19:meeting_B@thread.v2#0")));
  });

  it("treats an id of any other shape as its own space", () => {
    expect(spaceOfMeeting("meeting-1")).toBe("meeting-1");
    expect(spaceOfMeeting(encode("hello world"))).toBe(encode("hello world"));
    expect(spaceOfMeeting(encode("0#19:meeting_A@evil.example#0"))).toBe(encode("0#19:meeting_A@evil.example#0"));
  });
});
