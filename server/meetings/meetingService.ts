import type { Command } from "../../src/protocol/commands.ts";
import type { SequencedEvent } from "../../src/protocol/events.ts";
import type { Rejection } from "../../src/protocol/rejections.ts";
import { applyEvent, decide, emptyMeeting, type Actor, type MeetingState } from "../../src/domain/index.ts";
import type { Bus, MeetingEventsMessage } from "../bus/bus.ts";
import type { Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import { SequenceConflictError, type EventStore, type MeetingKey } from "../store/eventStore.ts";
import { meetingKeyString } from "./meetingKey.ts";

/** A meeting's state as of a sequence number. */
export interface MeetingView {
  seq: number;
  state: MeetingState;
}

export type ExecuteResult = { kind: "accepted"; seq: number; events: SequencedEvent[] } | { kind: "rejected"; rejection: Rejection };

/** Save a snapshot every this many events so loading a long meeting never replays its whole log. */
export const SNAPSHOT_EVERY_EVENTS = 200;
/** Meetings kept in memory; the least recently used beyond this are reloaded from the store on demand. */
export const MAX_CACHED_MEETINGS = 2_000;
/** Retries when another server instance appended first (scale-out); each retry re-decides on fresh state. */
const MAX_CONFLICT_RETRIES = 5;

/**
 * Runs commands against meetings: load → decide → append (durable) → publish. Commands for one
 * meeting run one at a time on this instance; across instances the store's expected-seq check
 * serialises them. Holds no rules of its own: those are in src/domain.
 */
export class MeetingService {
  private readonly cache = new Map<string, MeetingView>();
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly bus: Bus,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Current state of a meeting (empty if nothing has happened in it yet). */
  async view(key: MeetingKey): Promise<MeetingView> {
    const cached = this.cache.get(meetingKeyString(key));
    if (cached) return cached;
    return this.reload(key);
  }

  /** The cached state, if this instance holds it; never touches the store. */
  peek(key: MeetingKey): MeetingView | undefined {
    return this.cache.get(meetingKeyString(key));
  }

  /** Decides and, if accepted, durably appends and publishes the command's events. */
  execute(key: MeetingKey, actor: Actor, commandId: string, command: Command): Promise<ExecuteResult> {
    return this.serialize(key, () => this.executeNow(key, actor, commandId, command));
  }

  /** Folds events another instance published, so this instance's cache stays current. */
  handleBusMessage(message: MeetingEventsMessage): void {
    const id = meetingKeyString(message.key);
    const cached = this.cache.get(id);
    if (!cached) return;
    let view = cached;
    for (const { seq, event } of message.events) {
      if (seq <= view.seq) continue;
      // a gap means we missed a message; drop the cache and let the next read reload from the store
      if (seq !== view.seq + 1) return void this.cache.delete(id);
      view = { seq, state: applyEvent(view.state, event) };
    }
    this.remember(id, view);
  }

  private async executeNow(key: MeetingKey, actor: Actor, commandId: string, command: Command): Promise<ExecuteResult> {
    // a resent command (after a reconnect) is answered with where it got to, never decided again
    const seenSeq = await this.store.findCommand(key, commandId);
    if (seenSeq !== null) return { kind: "accepted", seq: seenSeq, events: [] };
    for (let attempt = 0; ; attempt++) {
      const view = await this.view(key);
      const decision = decide(view.state, command, { now: this.clock.now(), actor });
      if (!decision.ok) return { kind: "rejected", rejection: decision.rejection };
      try {
        const result = await this.store.append(key, view.seq, commandId, decision.events);
        if (result.kind === "duplicate") return { kind: "accepted", seq: result.seq, events: [] };
        const next = result.events.reduce<MeetingView>((acc, { seq, event }) => ({ seq, state: applyEvent(acc.state, event) }), view);
        this.remember(meetingKeyString(key), next);
        await this.maybeSnapshot(key, view.seq, next);
        if (result.events.length > 0) await this.bus.publish({ key, events: result.events });
        return { kind: "accepted", seq: result.seq, events: result.events };
      } catch (error) {
        if (!(error instanceof SequenceConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        await this.reload(key);
      }
    }
  }

  private async reload(key: MeetingKey): Promise<MeetingView> {
    const snapshot = await this.store.loadSnapshot(key);
    let view: MeetingView = snapshot ?? { seq: 0, state: emptyMeeting(key.meetingId) };
    for (;;) {
      const events = await this.store.readSince(key, view.seq, 1_000);
      if (events.length === 0) break;
      view = events.reduce<MeetingView>((acc, { seq, event }) => ({ seq, state: applyEvent(acc.state, event) }), view);
    }
    this.remember(meetingKeyString(key), view);
    return view;
  }

  private async maybeSnapshot(key: MeetingKey, previousSeq: number, view: MeetingView): Promise<void> {
    if (Math.floor(previousSeq / SNAPSHOT_EVERY_EVENTS) === Math.floor(view.seq / SNAPSHOT_EVERY_EVENTS)) return;
    try {
      await this.store.saveSnapshot(key, view);
    } catch (error) {
      // a missed snapshot only costs a longer replay later; the events themselves are durable
      this.logger.warn("snapshot failed", { meetingId: key.meetingId, error: String(error) });
    }
  }

  private remember(id: string, view: MeetingView): void {
    this.cache.delete(id);
    this.cache.set(id, view);
    if (this.cache.size > MAX_CACHED_MEETINGS) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  private serialize<T>(key: MeetingKey, work: () => Promise<T>): Promise<T> {
    const id = meetingKeyString(key);
    const previous = this.tails.get(id) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    return run;
  }
}
