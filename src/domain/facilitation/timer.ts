import { MINUTE_MS, PHASES, type ItemStatus, type Phase } from "../../protocol/vocabulary.ts";
import type { CurrentPhase, MeetingState, PhaseUsage, TimerExtension } from "../meeting/state.ts";
import { own } from "../meeting/decision.ts";
import { agendaItems, itemOf } from "../agenda/selectors.ts";

/**
 * Active time in the open span up to `until`: time since the room entered the phase, less pauses.
 * A paused clock stands still at the moment it was paused. Never negative, so a client whose
 * server-time estimate runs slightly behind shows a full timer rather than a negative one.
 */
export function openSpanMs(current: CurrentPhase, until: number): number {
  return Math.max(0, (current.pausedAt ?? until) - current.spanStartedAt - current.pausedMsInSpan);
}

/** Time used and extensions recorded for one phase of one item (zero when never entered). */
export function phaseUsage(state: MeetingState, itemId: string, phase: Phase): PhaseUsage {
  return own(state.facilitation.usage, itemId)?.[phase] ?? { usedMs: 0, extensions: [] };
}

function extendedMinutes(extensions: readonly TimerExtension[]): number {
  return extensions.reduce((total, extension) => total + extension.minutes, 0);
}

/** The current phase's countdown, all derived from event timestamps and `now`. */
export interface PhaseClock {
  itemId: string;
  phase: Phase;
  plannedMs: number;
  extensionMs: number;
  /** Time used in this phase, including earlier visits (after a step back) and the open span. */
  usedMs: number;
  /** planned + extensions − used; negative once the phase overruns. */
  remainingMs: number;
  isPaused: boolean;
  isOverrun: boolean;
}

/** The running phase's clock at `now` (the server's time), or null when no phase is running. */
export function phaseClock(state: MeetingState, now: number): PhaseClock | null {
  const current = state.facilitation.current;
  if (!current) return null;
  const item = itemOf(state, current.itemId);
  const plan = item?.phases.find((candidate) => candidate.phase === current.phase);
  if (!plan) return null;
  const usage = phaseUsage(state, current.itemId, current.phase);
  const plannedMs = plan.minutes * MINUTE_MS;
  const extensionMs = extendedMinutes(usage.extensions) * MINUTE_MS;
  const usedMs = usage.usedMs + openSpanMs(current, now);
  const remainingMs = plannedMs + extensionMs - usedMs;
  return { itemId: current.itemId, phase: current.phase, plannedMs, extensionMs, usedMs, remainingMs, isPaused: current.pausedAt !== null, isOverrun: remainingMs < 0 };
}

/** Milliseconds left in the running phase at `now`: negative when overrun, null when no phase is running. */
export function remainingMs(state: MeetingState, now: number): number | null {
  return phaseClock(state, now)?.remainingMs ?? null;
}

/** Planned against used time for one phase of one item. */
export interface PhaseTime {
  phase: Phase;
  /** 0 for a phase taken out of the plan after time was spent in it. */
  plannedMinutes: number;
  extendedMinutes: number;
  usedMs: number;
  extensions: TimerExtension[];
}

/** Planned against used time for one item, for the summary. */
export interface ItemTime {
  itemId: string;
  title: string;
  status: ItemStatus;
  plannedMinutes: number;
  extendedMinutes: number;
  usedMs: number;
  phases: PhaseTime[];
}

/**
 * Per item and phase, time planned against time used, in agenda order. `now` counts the phase still
 * running; after the meeting ends every figure is final whatever `now` is.
 */
export function timeReport(state: MeetingState, now: number): ItemTime[] {
  const current = state.facilitation.current;
  return agendaItems(state).map((item) => {
    const phases = PHASES.flatMap((phase): PhaseTime[] => {
      const plan = item.phases.find((candidate) => candidate.phase === phase);
      const usage = phaseUsage(state, item.itemId, phase);
      const isOpen = current?.itemId === item.itemId && current.phase === phase;
      if (!plan && usage.usedMs === 0 && usage.extensions.length === 0 && !isOpen) return [];
      return [
        {
          phase,
          plannedMinutes: plan?.minutes ?? 0,
          extendedMinutes: extendedMinutes(usage.extensions),
          usedMs: usage.usedMs + (isOpen && current ? openSpanMs(current, now) : 0),
          extensions: usage.extensions,
        },
      ];
    });
    return {
      itemId: item.itemId,
      title: item.title,
      status: item.status,
      plannedMinutes: phases.reduce((total, phase) => total + phase.plannedMinutes, 0),
      extendedMinutes: phases.reduce((total, phase) => total + phase.extendedMinutes, 0),
      usedMs: phases.reduce((total, phase) => total + phase.usedMs, 0),
      phases,
    };
  });
}
