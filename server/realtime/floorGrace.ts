import type { Floor } from "../../src/domain/index.ts";
import { Limits } from "../../src/protocol/limits.ts";
import type { Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import { meetingKeyString } from "../meetings/meetingKey.ts";
import type { MeetingKey } from "../store/eventStore.ts";

/** Scheduling, injected so tests fire the grace period by hand instead of waiting for it. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // a pending pass must not keep a stopping server alive
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface FloorGraceOptions {
  /** How long a speaker without a connection keeps the floor, in server milliseconds. */
  graceMs?: number;
  /** Server time; a development fast clock shortens the real wait by its rate. */
  clock: Clock;
  timers?: Timers;
  /** The meeting's current floor, as this instance knows it. */
  floorOf(key: MeetingKey): Promise<Floor | null>;
  /** Ends the turn that began at `since`, if it is still the current one, and passes the floor on. */
  passOn(key: MeetingKey, userId: string, since: number): Promise<void>;
  logger: Logger;
}

/**
 * Keeps the floor with a speaker whose connection dropped (a network blip, a reload) for a grace
 * period, then has it passed on to whoever is next (the domain decides who). Counts each person's
 * live connections per meeting on this instance: the floor is at risk only when the speaker's last
 * one closes, and any reconnection within the grace period keeps it. Counts are this instance's
 * only: several instances serving one meeting would need presence shared over the bus, which the
 * in-process bus does not need.
 */
export class FloorGrace {
  private readonly live = new Map<string, number>();
  private readonly waiting = new Map<string, { handle: unknown; since: number }>();
  private readonly graceMs: number;
  private readonly timers: Timers;
  private isClosed = false;

  constructor(private readonly options: FloorGraceOptions) {
    this.graceMs = options.graceMs ?? Limits.floorGraceSeconds * 1000;
    this.timers = options.timers ?? realTimers;
  }

  /** A connection of this person joined the meeting's room. */
  connected(key: MeetingKey, userId: string): void {
    const id = personKey(key, userId);
    this.live.set(id, (this.live.get(id) ?? 0) + 1);
    this.cancel(id);
  }

  /** A connection of this person left the room; if it was their last and they have the floor, the grace period starts. */
  disconnected(key: MeetingKey, userId: string): void {
    const id = personKey(key, userId);
    const remaining = (this.live.get(id) ?? 1) - 1;
    if (remaining > 0) return void this.live.set(id, remaining);
    this.live.delete(id);
    this.options.floorOf(key).then(
      (floor) => {
        if (floor?.userId === userId && !this.live.has(id)) this.wait(key, userId, floor.since);
      },
      (error: unknown) => this.options.logger.warn("floor check failed", { meetingId: key.meetingId, error: String(error) }),
    );
  }

  /**
   * The floor changed hands: someone given the floor while not connected (by a facilitator, or by
   * the floor passing on from someone else who dropped) gets the same grace period.
   */
  floorChanged(key: MeetingKey, floor: Floor | null): void {
    if (floor && !this.live.has(personKey(key, floor.userId))) this.wait(key, floor.userId, floor.since);
  }

  /** Forgets every pending pass and starts no more: the server is stopping and its sockets closing. */
  close(): void {
    this.isClosed = true;
    for (const { handle } of this.waiting.values()) this.timers.clear(handle);
    this.waiting.clear();
  }

  private wait(key: MeetingKey, userId: string, since: number): void {
    const id = personKey(key, userId);
    if (this.isClosed || this.waiting.get(id)?.since === since) return;
    this.cancel(id);
    const realMs = this.graceMs / (this.options.clock.rate ?? 1);
    const handle = this.timers.set(() => {
      this.waiting.delete(id);
      if (this.live.has(id)) return;
      this.options.passOn(key, userId, since).catch((error: unknown) => {
        this.options.logger.error("passing the floor on failed", { meetingId: key.meetingId, error: String(error) });
      });
    }, realMs);
    this.waiting.set(id, { handle, since });
  }

  private cancel(id: string): void {
    const pending = this.waiting.get(id);
    if (!pending) return;
    this.timers.clear(pending.handle);
    this.waiting.delete(id);
  }
}

function personKey(key: MeetingKey, userId: string): string {
  // ids never contain spaces, so this cannot collide across meetings or people
  return `${meetingKeyString(key)} ${userId}`;
}
