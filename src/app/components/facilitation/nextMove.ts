import { itemOf } from "../../../domain/agenda/selectors.ts";
import type { PhaseRef } from "../../../domain/agenda/phases.ts";
import { stepAfter } from "../../../domain/facilitation/walk.ts";
import type { AgendaItem, MeetingState } from "../../../domain/meeting/state.ts";

/**
 * What "advance" does from here, for its label: the next phase of this item, the first phase of the
 * next item, or finishing the agenda; null when there is nothing to advance to.
 */
export type NextMove = { kind: "phase"; to: PhaseRef } | { kind: "item"; to: PhaseRef; item: AgendaItem } | { kind: "finish" };

/** Where advancing leads, from the domain's `stepAfter`. */
export function nextMove(state: MeetingState): NextMove | null {
  const next = stepAfter(state);
  if (!next) return null;
  if (next.to === null) return { kind: "finish" };
  const here = state.facilitation.current;
  const item = itemOf(state, next.to.itemId);
  if (here?.itemId === next.to.itemId || !item) return { kind: "phase", to: next.to };
  return { kind: "item", to: next.to, item };
}
