import { randomUUID } from "node:crypto";
import type { Command } from "../../src/protocol/commands.ts";
import type { SequencedEvent } from "../../src/protocol/events.ts";
import type { Rejection } from "../../src/protocol/rejections.ts";
import {
  applyEvent,
  carryOverOffer,
  decide,
  decideServerCommand,
  emptyMeeting,
  type Actor,
  type CarryOverOffer,
  type MeetingState,
  type ServerCommand,
} from "../../src/domain/index.ts";
import type { Bus, MeetingEventsMessage } from "../bus/bus.ts";
import { realTimeOf, type Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import { SequenceConflictError, type EventStore, type MeetingKey, type OutboxInput } from "../store/eventStore.ts";
import { outboxRowsFor } from "../planner/outboxRows.ts";
import { meetingKeyString } from "./meetingKey.ts";
import { spaceOfMeeting } from "./space.ts";

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
/** Command ids of commands the server issues itself; refused from clients. */
export const SYSTEM_COMMAND_PREFIX = "system:";
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

  /**
   * What the last meeting ended in this meeting's space left open (unfinished items, promoted
   * parked points), unless it is already on this meeting's agenda; null when there is nothing.
   */
  async carryOverOffer(key: MeetingKey): Promise<CarryOverOffer | null> {
    const ended = await this.store.lastEndedMeetingInSpace(key.tenantId, spaceOfMeeting(key.meetingId), key.meetingId);
    if (ended === null) return null;
    const current = await this.view(key);
    if (current.state.agenda.carriedOverFrom.includes(ended.meetingId)) return null;
    const source = await this.view({ tenantId: key.tenantId, meetingId: ended.meetingId });
    return carryOverOffer(ended.meetingId, source.state);
  }

  /** Decides and, if accepted, durably appends and publishes the command's events. */
  execute(key: MeetingKey, actor: Actor, commandId: string, command: Command): Promise<ExecuteResult> {
    // a client claiming a server command's id first could stop that command from ever running
    if (commandId.startsWith(SYSTEM_COMMAND_PREFIX)) {
      return Promise.resolve({ kind: "rejected", rejection: { code: "invalidMessage", message: `commandId: must not start with "${SYSTEM_COMMAND_PREFIX}"` } });
    }
    return this.serialize(key, () => this.executeNow(key, actor, commandId, command));
  }

  /**
   * Runs a command the server itself issues (a disconnected speaker's floor passed on after the
   * grace period, a Planner worker's report) through the same pure rules, store and bus as a
   * client's command. Nothing is stored when it changes nothing; see `systemCommandId` for how a
   * repeat is recognised.
   */
  executeSystem(key: MeetingKey, command: ServerCommand): Promise<ExecuteResult> {
    return this.serialize(key, () => this.executeSystemNow(key, command));
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
      const carryOverOffer = command.type === "agenda.carryOver" ? await this.carryOverOffer(key) : undefined;
      const decision = decide(view.state, command, { now: this.clock.now(), actor, ...(carryOverOffer !== undefined ? { carryOverOffer } : {}) });
      if (!decision.ok) return { kind: "rejected", rejection: decision.rejection };
      try {
        // the outbox rows go in the events' transaction: a message is sent if and only if its events are durable
        const result = await this.store.append(key, view.seq, commandId, decision.events, this.outboxRows(key, view.state, decision.events));
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

  private async executeSystemNow(key: MeetingKey, command: ServerCommand): Promise<ExecuteResult> {
    const commandId = systemCommandId(command);
    const seenSeq = await this.store.findCommand(key, commandId);
    if (seenSeq !== null) return { kind: "accepted", seq: seenSeq, events: [] };
    for (let attempt = 0; ; attempt++) {
      const view = await this.view(key);
      const decision = decideServerCommand(view.state, command, this.clock.now());
      if (!decision.ok) return { kind: "rejected", rejection: decision.rejection };
      if (decision.events.length === 0) return { kind: "accepted", seq: view.seq, events: [] };
      try {
        const result = await this.store.append(key, view.seq, commandId, decision.events, this.outboxRows(key, view.state, decision.events));
        if (result.kind === "duplicate") return { kind: "accepted", seq: result.seq, events: [] };
        const next = result.events.reduce<MeetingView>((acc, { seq, event }) => ({ seq, state: applyEvent(acc.state, event) }), view);
        this.remember(meetingKeyString(key), next);
        await this.maybeSnapshot(key, view.seq, next);
        await this.bus.publish({ key, events: result.events });
        return { kind: "accepted", seq: result.seq, events: result.events };
      } catch (error) {
        if (!(error instanceof SequenceConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        await this.reload(key);
      }
    }
  }

  /** The outbox rows of a decision, stamped in real time: the worker claims them by the wall clock. */
  private outboxRows(...decision: Parameters<typeof outboxRowsFor>): OutboxInput[] {
    return outboxRowsFor(...decision).map((row) => ({ ...row, createdAt: realTimeOf(this.clock, row.createdAt) }));
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

/**
 * The id a server command is stored under. A disconnected speaker's floor is keyed by its turn, so
 * two instances passing on the same turn store it once. A worker's report gets an id of its own:
 * the domain already turns a repeated or outdated report into no events, and two reports with
 * equal fields (progress going 50 → 100 → 50) can both be news.
 */
function systemCommandId(command: ServerCommand): string {
  if (command.type === "floor.releaseDisconnected") return `${SYSTEM_COMMAND_PREFIX}${command.type}:${command.userId}:${command.since}`;
  return `${SYSTEM_COMMAND_PREFIX}${command.type}:${randomUUID()}`;
}
