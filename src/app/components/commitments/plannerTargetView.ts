import { chosenPlannerTarget } from "../../../domain/commitments/plannerTarget.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { PlannerTarget } from "../../../protocol/commitmentTarget.ts";

/** Where the meeting's commitments go in Planner, as far as the tab knows. */
export type PlannerTargetView =
  | { status: "loading" }
  | { status: "ready"; target: PlannerTarget | null; canChange: boolean }
  | { status: "failed"; reason: string };

/**
 * The view with the meeting's own record of a choice (the `commitments.targetChosen` event, which
 * carries the stored target, names included) when that is newer than what the server said when it
 * was asked: a side panel open while the organizer saves the settings page shows the plan at once,
 * without waiting for a new commitment to ask again. Whether the viewer may change it is unknown
 * until the server answers, so it stays false when only the meeting's record is known.
 */
export function withChosenTarget(view: PlannerTargetView, state: MeetingState): PlannerTargetView {
  const chosen = chosenPlannerTarget(state);
  if (chosen === null) return view;
  if (view.status !== "ready") return { status: "ready", target: chosen, canChange: false };
  // a choice made since in another meeting of the space, read from the server, is the newer one
  if (view.target !== null && view.target.setAt > chosen.setAt) return view;
  return { ...view, target: chosen };
}
