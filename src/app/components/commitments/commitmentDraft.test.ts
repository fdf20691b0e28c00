import { describe, expect, it } from "vitest";
import { Limits } from "../../../protocol/limits.ts";
import { draftProblems, newDraft } from "./commitmentDraft.ts";

const NOW = Date.UTC(2026, 2, 10, 12);

describe("checking a commitment before it is sent", () => {
  it("accepts a new draft once it has a title", () => {
    const draft = { ...newDraft("u1", "i1", NOW), title: "Draft the memo" };
    expect(draft.dueDate).toBe("2026-03-17");
    expect(draftProblems(draft, NOW)).toEqual([]);
  });

  it("names each field the server would refuse", () => {
    const draft = { title: "  ", ownerIds: [], dueDate: "2026-03-09", notes: "x".repeat(Limits.maxCommitmentNotesLength + 1), itemId: null };
    expect(draftProblems(draft, NOW)).toEqual([
      { field: "title", kind: "titleEmpty" },
      { field: "ownerIds", kind: "noOwner" },
      { field: "dueDate", kind: "dueDatePast", date: "2026-03-09", today: "2026-03-10" },
      { field: "notes", kind: "notesTooLong" },
    ]);
    expect(draftProblems({ ...draft, title: "x".repeat(256), ownerIds: ["u1"], dueDate: "2026-02-30", notes: "" }, NOW)).toEqual([
      { field: "title", kind: "titleTooLong" },
      { field: "dueDate", kind: "dueDateInvalid" },
    ]);
  });

  it("takes today (UTC) and an unchanged past date as they are", () => {
    const draft = { title: "Memo", ownerIds: ["u1"], dueDate: "2026-03-10", notes: "", itemId: null };
    expect(draftProblems(draft, NOW)).toEqual([]);
    expect(draftProblems({ ...draft, dueDate: "2026-03-01" }, NOW, "2026-03-01")).toEqual([]);
  });
});
