import type { Command } from "../../protocol/commands.ts";
import type { DomainEvent } from "../../protocol/events.ts";
import type { MeetingRole } from "../../protocol/ids.ts";
import type { Phase } from "../../protocol/vocabulary.ts";
import type { Actor } from "../meeting/context.ts";
import { decide, type Decision } from "../meeting/decide.ts";
import { applyEvent } from "../meeting/apply.ts";
import { emptyMeeting, type MeetingState } from "../meeting/state.ts";

/** A participant for domain tests. */
export function person(userId: string, meetingRole: MeetingRole = "attendee"): Actor {
  return { userId, displayName: userId, meetingRole };
}

/**
 * A meeting driven command by command for domain tests, with a clock the test moves by hand.
 * `run` throws on a rejection (naming it) so a broken step cannot pass silently; `attempt` returns
 * the decision without changing anything.
 */
export class TestRoom {
  state: MeetingState;
  now: number;
  readonly log: DomainEvent[] = [];

  constructor(meetingId = "m1", startAt = 1_000_000) {
    this.state = emptyMeeting(meetingId);
    this.now = startAt;
  }

  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  attempt(actor: Actor, command: Command): Decision {
    return decide(this.state, command, { now: this.now, actor });
  }

  run(actor: Actor, command: Command): DomainEvent[] {
    const decision = this.attempt(actor, command);
    if (!decision.ok) throw new Error(`${actor.userId}'s ${command.type} was rejected (${decision.rejection.code}): ${decision.rejection.message}`);
    this.log.push(...decision.events);
    this.state = decision.events.reduce(applyEvent, this.state);
    return decision.events;
  }

  join(...actors: Actor[]): this {
    for (const actor of actors) this.run(actor, { type: "meeting.join", payload: {} });
    return this;
  }

  /** Adds an item with the given phases at the given minutes each; returns its id. */
  addItem(actor: Actor, title: string, phases: Phase[] = ["diagnose", "options", "tradeoffs", "commit"], minutes = 10): string {
    const [event] = this.run(actor, { type: "agenda.addItem", payload: { title, phases: phases.map((phase) => ({ phase, minutes })) } });
    if (event?.type !== "agenda.itemAdded") throw new Error("no item was added");
    return event.payload.itemId;
  }

  /** Advances from wherever the room is, as a facilitator who sees the current state. */
  advance(actor: Actor): DomainEvent[] {
    return this.run(actor, { type: "facilitation.advance", payload: this.expected() });
  }

  stepBack(actor: Actor): DomainEvent[] {
    return this.run(actor, { type: "facilitation.stepBack", payload: this.expected() });
  }

  /** Where the room is now, as a move command expects it. */
  expected(): { expectedItemId: string | null; expectedPhase: Phase | null } {
    const current = this.state.facilitation.current;
    return { expectedItemId: current?.itemId ?? null, expectedPhase: current?.phase ?? null };
  }
}
