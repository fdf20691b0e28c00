import type { Command } from "../../protocol/commands.ts";
import type { DomainEvent } from "../../protocol/events.ts";
import { applyEvent } from "../meeting/apply.ts";
import { decideServerCommand } from "../meeting/decide.ts";
import { TestRoom, person } from "../testing/room.ts";
import type { CommitmentSystemCommand } from "./system.ts";

/** 12:00 UTC on 10 March 2026: "today" for the commitment tests is 2026-03-10. */
export const NOON_10_MARCH_2026 = Date.UTC(2026, 2, 10, 12);

export const organizer = person("org", "organizer");
export const ann = person("ann");
export const bo = person("bo");
export const cy = person("cy");

/**
 * A meeting for commitment tests: org (organizer), ann, bo and cy have joined; two items, the first
 * with diagnose and commit phases and cy as its scribe, the second with bo as its scribe. Not started.
 */
export function commitmentRoom(): { r: TestRoom; first: string; second: string } {
  const r = new TestRoom("m1", NOON_10_MARCH_2026).join(organizer, ann, bo, cy);
  const first = r.addItem(organizer, "Pricing", ["diagnose", "commit"]);
  const second = r.addItem(organizer, "Hiring", ["options"]);
  r.run(organizer, { type: "roles.assign", payload: { itemId: first, role: "scribe", userId: "cy" } });
  r.run(organizer, { type: "roles.assign", payload: { itemId: second, role: "scribe", userId: "bo" } });
  return { r, first, second };
}

/** A capture command with sensible defaults. */
export function capture(fields: Partial<Extract<Command, { type: "commitment.capture" }>["payload"]> = {}): Command {
  return { type: "commitment.capture", payload: { title: "Draft the pricing memo", ownerIds: ["ann"], dueDate: "2026-03-31", ...fields } };
}

/** Captures a commitment as `actor` and returns its id. */
export function captureAs(r: TestRoom, actor = organizer, fields: Parameters<typeof capture>[0] = {}): string {
  const [event] = r.run(actor, capture(fields));
  if (event?.type !== "commitment.captured") throw new Error("no commitment was captured");
  return event.payload.commitmentId;
}

/** Runs a Planner worker's report the way the server does, folding its events; throws on a rejection. */
export function report(r: TestRoom, command: CommitmentSystemCommand): DomainEvent[] {
  const decision = decideServerCommand(r.state, command, r.now);
  if (!decision.ok) throw new Error(`${command.type} was rejected (${decision.rejection.code}): ${decision.rejection.message}`);
  r.log.push(...decision.events);
  r.state = decision.events.reduce(applyEvent, r.state);
  return decision.events;
}
