import { describe, expect, it } from "vitest";
import { CommandRejectedError, ConnectionEndedError } from "../realtime/meetingConnection.ts";
import { commandFailureOf } from "./useCommands.ts";

describe("the failure a command leaves", () => {
  it("keeps a refusal's code and the server's sentence naming the field", () => {
    const refusal = new CommandRejectedError("invalidInput", " dueDate 2026-03-09 is in the past; choose 2026-03-10 (today, UTC) or later. ");
    expect(commandFailureOf(refusal)).toEqual({
      kind: "rejected",
      code: "invalidInput",
      message: "dueDate 2026-03-09 is in the past; choose 2026-03-10 (today, UTC) or later.",
    });
  });

  it("tells an ended connection from anything else", () => {
    expect(commandFailureOf(new ConnectionEndedError("stopped"))).toEqual({ kind: "disconnected" });
    expect(commandFailureOf(new Error("socket hang up"))).toEqual({ kind: "unexpected" });
  });
});
