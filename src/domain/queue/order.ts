import { ENTRY_KINDS, type EntryKind } from "../../protocol/vocabulary.ts";
import type { MeetingState, QueueEntry } from "../meeting/state.ts";
import { finishedFloorMs } from "./floorTime.ts";
import { dropFromRound, nextInRound } from "./rounds.ts";

const KIND_PRIORITY: Readonly<Record<EntryKind, number>> = Object.fromEntries(ENTRY_KINDS.map((kind, index) => [kind, index])) as Record<EntryKind, number>;

/** How people name each kind in a sentence; rejections use it. */
export const KIND_NAMES: Readonly<Record<EntryKind, string>> = {
  pointOfOrder: "point of order",
  clarifyingQuestion: "clarifying question",
  reply: "reply",
  newPoint: "new point",
};

/**
 * Under `progressive`, each minute someone has already held the floor in this meeting places their
 * hand as if raised this many minutes later. The less heard go first, but not for ever: someone who
 * has spoken a lot waits, and the longer they have waited the fewer newcomers pass them. With pure
 * least-floor-time-first (an infinite weight) a busy meeting can starve them; see the equity
 * benchmark in README for how this weight was chosen.
 */
export const PROGRESSIVE_FLOOR_WEIGHT = 4;

/** An entry's place under `progressive`: when it was raised, pushed back by its owner's floor time. */
export function progressivePlace(entry: QueueEntry, finishedFloorMsByUser: ReadonlyMap<string, number>): number {
  return entry.raisedAt + PROGRESSIVE_FLOOR_WEIGHT * (finishedFloorMsByUser.get(entry.userId) ?? 0);
}

/**
 * The speaking order, a pure function of state so every client and the server compute the same
 * list from the same events: by kind (point of order, clarifying question, reply, new point); within
 * a kind, entries a facilitator placed first by rank, then the policy's order — arrival for `fifo`
 * and `roundRobin`, the progressive place (see `progressivePlace`) then arrival for `progressive`.
 * The current turn is not counted: its length depends on when one looks, and the order must not.
 */
export function orderedQueue(state: MeetingState): QueueEntry[] {
  const isProgressive = state.queueSettings.policy === "progressive";
  const floorMs = isProgressive ? finishedFloorMs(state) : null;
  return Object.values(state.queue).sort((a, b) => {
    const byKind = KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind];
    if (byKind !== 0) return byKind;
    if (a.rank !== null || b.rank !== null) {
      if (a.rank === null) return 1;
      if (b.rank === null) return -1;
      if (a.rank !== b.rank) return a.rank - b.rank;
    }
    if (floorMs) {
      const byPlace = progressivePlace(a, floorMs) - progressivePlace(b, floorMs);
      if (byPlace !== 0) return byPlace;
    }
    return a.arrival - b.arrival;
  });
}

/** The entries of one kind, in speaking order. */
export function orderedKind(state: MeetingState, kind: EntryKind): QueueEntry[] {
  return orderedQueue(state).filter((entry) => entry.kind === kind);
}

/** 1-based place of a person's first entry in the speaking order, or null when they are not queued. */
export function placeInQueue(state: MeetingState, userId: string): number | null {
  const index = orderedQueue(state).findIndex((entry) => entry.userId === userId);
  return index === -1 ? null : index + 1;
}

/** A person's entries, in speaking order. */
export function entriesOf(state: MeetingState, userId: string): QueueEntry[] {
  return orderedQueue(state).filter((entry) => entry.userId === userId);
}

/** A person's entry that comes first in the speaking order, if they have any. */
export function openEntryOf(state: MeetingState, userId: string): QueueEntry | undefined {
  return entriesOf(state, userId)[0];
}

/** A person's entry of one kind, if they hold one (at most one per kind). */
export function entryOfKind(state: MeetingState, userId: string, kind: EntryKind): QueueEntry | undefined {
  for (const entry of Object.values(state.queue)) if (entry.userId === userId && entry.kind === kind) return entry;
  return undefined;
}

/** Who `floor.grantNext` would give the floor to: an entry from the queue, or a round-robin turn. */
export type NextSpeaker = { userId: string; entry: QueueEntry; round: null } | { userId: string; entry: null; round: number };

/**
 * Who speaks next: a point of order always goes first; while a round is under way, the round's
 * next person; otherwise the head of the queue. Null when nobody is waiting.
 */
export function nextSpeaker(state: MeetingState): NextSpeaker | null {
  const head = orderedQueue(state)[0];
  if (head?.kind === "pointOfOrder") return { userId: head.userId, entry: head, round: null };
  const round = state.rounds.current;
  const inRound = nextInRound(state);
  if (round && inRound !== null) return { userId: inRound, entry: null, round: round.number };
  return head ? { userId: head.userId, entry: head, round: null } : null;
}

/**
 * Who speaks next by the same rules as `nextSpeaker`, passing over one person: their entries and
 * their round turn are left where they are, just not chosen. The floor passes on this way when its
 * holder's connection dropped, since giving it back to them would only start another wait.
 */
export function nextSpeakerExcept(state: MeetingState, userId: string): NextSpeaker | null {
  const queue = Object.fromEntries(Object.entries(state.queue).filter(([, entry]) => entry.userId !== userId));
  return nextSpeaker({ ...dropFromRound(state, userId), queue });
}
