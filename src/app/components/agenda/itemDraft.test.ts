import { describe, expect, it } from "vitest";
import { templateItems } from "../../../domain/agenda/templates.ts";
import type { AgendaItem } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import { checkDraft, draftOf } from "./itemDraft.ts";

const item: AgendaItem = {
  itemId: "i1",
  title: "Pricing",
  goal: "Agree the floor price",
  ownerId: "u2",
  phases: [
    { phase: "diagnose", minutes: 10 },
    { phase: "commit", minutes: 5 },
  ],
  status: "pending",
  mode: "debating",
  notes: "",
  createdBy: "u1",
  createdAt: 0,
};

describe("item drafts", () => {
  it("starts a new item with every phase at the strategic-offsite timeboxes", () => {
    const result = checkDraft({ ...draftOf(null), title: "Where do we grow?" });
    expect(result).toEqual({
      ok: true,
      values: { title: "Where do we grow?", goal: "", ownerId: null, phases: templateItems("strategicOffsite")[0]!.phases },
    });
  });

  it("round-trips an existing item, keeping unchosen phases unchosen", () => {
    expect(checkDraft(draftOf(item))).toEqual({
      ok: true,
      values: { title: "Pricing", goal: "Agree the floor price", ownerId: "u2", phases: item.phases },
    });
  });

  it("names each field that is wrong and sends nothing", () => {
    const draft = draftOf(item);
    const result = checkDraft({
      ...draft,
      title: "  ",
      goal: "g".repeat(Limits.maxGoalLength + 1),
      phases: { ...draft.phases, diagnose: { isChosen: true, minutes: "0" }, options: { isChosen: false, minutes: "abc" } },
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        title: { kind: "required" },
        goal: { kind: "tooLong", max: Limits.maxGoalLength },
        phases: false,
        minutes: { diagnose: { kind: "minutes", min: Limits.minTimeboxMinutes, max: Limits.maxTimeboxMinutes } },
      },
    });
  });

  it("needs at least one phase", () => {
    const draft = draftOf(item);
    const none = Object.fromEntries(Object.entries(draft.phases).map(([phase, entry]) => [phase, { ...entry, isChosen: false }])) as typeof draft.phases;
    const result = checkDraft({ ...draft, phases: none });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.phases).toBe(true);
  });
});
