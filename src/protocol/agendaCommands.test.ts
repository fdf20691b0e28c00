import { describe, expect, it } from "vitest";
import { CommandSchema } from "./commands.ts";
import { ClientMessageSchema } from "./messages.ts";
import { Limits } from "./limits.ts";
import { summarizeIssues } from "./zodErrors.ts";

const fault = (command: unknown): string => {
  const result = ClientMessageSchema.safeParse({ type: "command", commandId: "c-1", command });
  return result.success ? "" : summarizeIssues(result.error);
};

const phases = [{ phase: "diagnose", minutes: 20 }];

describe("agenda and facilitation commands", () => {
  it("accepts every new command shape", () => {
    const commands = [
      { type: "agenda.addItem", payload: { title: "Pricing", goal: "Pick a model", ownerId: "u1", phases } },
      { type: "agenda.updateItem", payload: { itemId: "i1", ownerId: null, phases: [{ phase: "commit", minutes: 5 }] } },
      { type: "agenda.removeItem", payload: { itemId: "i1" } },
      { type: "agenda.moveItem", payload: { itemId: "i1", toIndex: 0 } },
      { type: "agenda.applyTemplate", payload: { template: "strategicOffsite" } },
      { type: "agenda.setScheduledMinutes", payload: { minutes: null } },
      { type: "charter.update", payload: { deciderIds: ["u1"], decisionRule: "supermajority", groundRules: "", rolesInUse: [] } },
      { type: "prework.addAssumption", payload: { itemId: "i1", statement: "Churn is flat", dataLink: "https://example.com/a?b=c", confidence: "low" } },
      { type: "prework.updateAssumption", payload: { assumptionId: "a2", dataLink: null } },
      { type: "prework.removeAssumption", payload: { assumptionId: "a2" } },
      { type: "prework.addDataLink", payload: { itemId: "i1", url: "https://example.com", label: "Pipeline" } },
      { type: "prework.removeDataLink", payload: { linkId: "l3" } },
      { type: "assumption.mark", payload: { assumptionId: "a2", status: "untested", evidence: "" } },
      { type: "meeting.start", payload: {} },
      { type: "meeting.end", payload: {} },
      { type: "facilitation.advance", payload: { expectedItemId: "i1", expectedPhase: "diagnose" } },
      { type: "facilitation.stepBack", payload: { expectedItemId: null, expectedPhase: null } },
      { type: "timer.pause", payload: {} },
      { type: "timer.resume", payload: {} },
      { type: "timer.extend", payload: { minutes: 5, reason: "Data arrived late", expectedItemId: "i1", expectedPhase: "options" } },
      { type: "debate.close", payload: { itemId: "i1" } },
      { type: "debate.reopen", payload: { itemId: "i1" } },
      { type: "item.setNotes", payload: { itemId: "i1", notes: "" } },
      { type: "parkingLot.add", payload: { text: "Brand refresh", itemId: "i1" } },
      { type: "parkingLot.remove", payload: { entryId: "p4" } },
      { type: "parkingLot.promote", payload: { entryId: "p4" } },
      { type: "roles.optIn", payload: { roles: ["facilitator", "scribe"] } },
      { type: "roles.optOut", payload: { roles: ["challenger"] } },
      { type: "roles.setPolicy", payload: { rotation: "fixed" } },
      { type: "roles.assign", payload: { itemId: "i1", role: "timekeeper", userId: null } },
    ];
    for (const command of commands) expect(fault(command), command.type).toBe("");
  });

  it("trims text before checking it, so blank titles are refused", () => {
    const parsed = CommandSchema.parse({ type: "agenda.addItem", payload: { title: "  Pricing  ", phases } });
    expect(parsed.type === "agenda.addItem" && parsed.payload.title).toBe("Pricing");
    expect(fault({ type: "agenda.addItem", payload: { title: "   ", phases } })).toContain("command.payload.title: must not be empty");
  });

  it("names the field over each text limit", () => {
    const over = (limit: number) => "x".repeat(limit + 1);
    expect(fault({ type: "agenda.addItem", payload: { title: over(Limits.maxTitleLength), phases } })).toContain("command.payload.title");
    expect(fault({ type: "agenda.addItem", payload: { title: "T", goal: over(Limits.maxGoalLength), phases } })).toContain("command.payload.goal");
    expect(fault({ type: "prework.addAssumption", payload: { itemId: "i1", statement: over(Limits.maxStatementLength), confidence: "low" } })).toContain(
      "command.payload.statement",
    );
    expect(fault({ type: "charter.update", payload: { groundRules: over(Limits.maxGroundRulesLength) } })).toContain("command.payload.groundRules");
    expect(fault({ type: "item.setNotes", payload: { itemId: "i1", notes: over(Limits.maxNotesLength) } })).toContain("command.payload.notes");
    expect(fault({ type: "parkingLot.add", payload: { text: over(Limits.maxParkingLotTextLength) } })).toContain("command.payload.text");
    expect(fault({ type: "timer.extend", payload: { minutes: 5, reason: over(Limits.maxReasonLength) } })).toContain("command.payload.reason");
  });

  it("keeps timeboxes, extensions and the scheduled length in range, in whole minutes", () => {
    for (const minutes of [0, Limits.maxTimeboxMinutes + 1, 2.5]) {
      expect(fault({ type: "agenda.addItem", payload: { title: "T", phases: [{ phase: "diagnose", minutes }] } })).toContain("command.payload.phases.0.minutes");
    }
    for (const minutes of [0, Limits.maxExtensionMinutes + 1]) {
      expect(fault({ type: "timer.extend", payload: { minutes, reason: "r" } })).toContain("command.payload.minutes: must be between 1 and 60 minutes");
    }
    expect(fault({ type: "agenda.setScheduledMinutes", payload: { minutes: Limits.maxScheduledMinutes + 1 } })).toContain("command.payload.minutes");
  });

  it("refuses repeated or too many phases, and an empty phase list", () => {
    const twice = [{ phase: "options", minutes: 5 }, { phase: "options", minutes: 5 }];
    expect(fault({ type: "agenda.addItem", payload: { title: "T", phases: twice } })).toContain("command.payload.phases: must not repeat a phase");
    expect(fault({ type: "agenda.addItem", payload: { title: "T", phases: [] } })).toContain("command.payload.phases: must include at least one phase");
  });

  it("accepts only https links without credentials", () => {
    for (const url of ["http://example.com", "javascript:alert(1)", "ftp://example.com", "https://user:pw@example.com", "not a url", "https://"]) {
      expect(fault({ type: "prework.addDataLink", payload: { itemId: "i1", url } }), url).toContain("command.payload.url");
    }
  });

  it("requires evidence to mark an assumption supported or challenged", () => {
    expect(fault({ type: "assumption.mark", payload: { assumptionId: "a1", status: "challenged", evidence: "  " } })).toContain("command.payload.evidence");
  });

  it("requires both or neither of the expected item and phase", () => {
    expect(fault({ type: "facilitation.advance", payload: { expectedItemId: "i1", expectedPhase: null } })).toContain("command.payload.expectedPhase");
    expect(fault({ type: "facilitation.advance", payload: {} })).toContain("command.payload.expectedItemId");
  });

  it("refuses repeated deciders or roles and unknown values", () => {
    expect(fault({ type: "charter.update", payload: { deciderIds: ["u1", "u1"] } })).toContain("command.payload.deciderIds");
    expect(fault({ type: "roles.optIn", payload: { roles: [] } })).toContain("command.payload.roles");
    expect(fault({ type: "roles.optIn", payload: { roles: ["dictator"] } })).toContain("command.payload.roles.0");
    expect(fault({ type: "agenda.applyTemplate", payload: { template: "annualPlan" } })).toContain("command.payload.template");
  });
});
