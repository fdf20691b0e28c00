import { lazy } from "react";

// Kept out of the side panel's first download. Attendees never need the facilitator's and the
// timekeeper's controls or the equity view. The participants' parts are not needed to draw the
// panel (they appear once the viewer has an entry, unfolds the other kinds, has spoken, a round
// starts or a summary is shared), so they download just after the first draw (prefetchParticipation).

const loadParticipantParts = () => import("./participantParts.ts");
const loadFacilitatorParts = () => import("./facilitatorParts.ts");

/** The viewer's entries, with change and withdraw. */
export const LazyMyEntries = lazy(() => loadParticipantParts().then((parts) => ({ default: parts.MyEntries })));
/** The urgent kinds of entry behind the raise button's chevron. */
export const LazyKindChooser = lazy(() => loadParticipantParts().then((parts) => ({ default: parts.KindChooser })));
/** The viewer's own floor figures. */
export const LazyMyFigures = lazy(() => loadParticipantParts().then((parts) => ({ default: parts.MyFigures })));
/** A round under way, with the viewer's Pass button. */
export const LazyRoundPanel = lazy(() => loadParticipantParts().then((parts) => ({ default: parts.RoundPanel })));
/** The floor equity figures a facilitator shared with the room. */
export const LazySharedSummary = lazy(() => loadParticipantParts().then((parts) => ({ default: parts.SharedSummary })));

/** The facilitator's queue controls, rounds, dominance alert, quiet voices and equity view. */
export const LazyQueueFacilitation = lazy(() => loadFacilitatorParts().then((parts) => ({ default: parts.QueueFacilitation })));
/** A facilitator's actions on one queue entry. */
export const LazyEntryActions = lazy(() => loadFacilitatorParts().then((parts) => ({ default: parts.EntryActions })));
/** The turn limit and extending the current turn: the timekeeper's and the facilitators'. */
export const LazyTurnTimerControls = lazy(() => loadFacilitatorParts().then((parts) => ({ default: parts.TurnTimerControls })));

/** Starts downloading the participants' parts without waiting for one to be shown; a failure is retried when one is shown. */
export function prefetchParticipation(): void {
  loadParticipantParts().catch(() => undefined);
}
