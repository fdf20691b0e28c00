import type { Audience } from "../../protocol/ids.ts";
import type { DomainEvent, DomainEventType, EventOf } from "../../protocol/events.ts";
import type { Rejection, RejectionCode } from "../../protocol/rejections.ts";

/** The outcome of a command: the events it produces (possibly none), or why it was refused. */
export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; rejection: Rejection };

/** Builds an event stamped with the command's time; audience defaults to everyone. */
export type Emit = <T extends DomainEventType>(type: T, payload: EventOf<T>["payload"], audience?: Audience) => DomainEvent;

/** An `Emit` that stamps every event with `now`, the server's clock when the command was decided. */
export function eventFactory(now: number): Emit {
  return (type, payload, audience = { kind: "everyone" }) => ({ type, payload, at: now, audience }) as DomainEvent;
}

/** Accepts a command with the events it produced (none for a no-op). */
export function accept(events: DomainEvent[]): Decision {
  return { ok: true, events };
}

/** A refusal; `message` is an English sentence a person can act on (clients translate by `code`). */
export function reject(code: RejectionCode, message: string): Decision {
  return { ok: false, rejection: { code, message } };
}

/** Looks a key up in a record without reaching its prototype. */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The record without one key; the same object when the key is absent. */
export function withoutKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  if (!Object.hasOwn(record, key)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}
